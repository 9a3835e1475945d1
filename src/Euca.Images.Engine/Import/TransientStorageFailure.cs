using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// The retry rule of import uploads: HTTP 500 and 503, timeouts and connection resets are worth another try;
    /// anything else (403, 404, a bad ETag) is not, because it will fail the same way again.
    /// </summary>
    internal static class TransientStorageFailure
    {
        private static readonly Random s_jitter = new Random();

        public static bool IsTransient(Exception exception, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested) return false;
            if (exception is AmazonServiceException service && service.StatusCode != 0)
            {
                int status = (int)service.StatusCode;
                if (status == 500 || status == 503) return true;
                if (status >= 400) return false;
            }

            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is TimeoutException || e is TaskCanceledException || e is HttpRequestException || e is IOException
                    || (e is SocketException socket && (socket.SocketErrorCode == SocketError.ConnectionReset || socket.SocketErrorCode == SocketError.TimedOut || socket.SocketErrorCode == SocketError.ConnectionAborted))
                    || (e is WebException web && (web.Status == WebExceptionStatus.Timeout || web.Status == WebExceptionStatus.ConnectionClosed || web.Status == WebExceptionStatus.ReceiveFailure || web.Status == WebExceptionStatus.SendFailure)))
                {
                    return true;
                }
            }

            return false;
        }

        public static TimeSpan Delay(TimeSpan first, int attempt)
        {
            double factor;
            lock (s_jitter)
            {
                factor = 1 + s_jitter.NextDouble();
            }

            double seconds = first.TotalSeconds * factor * Math.Pow(2, attempt - 1);
            return TimeSpan.FromSeconds(Math.Min(15, seconds));
        }

        /// <summary>Runs <paramref name="call"/>, trying transient failures again up to the configured number of attempts.</summary>
        public static async Task<T> RetryAsync<T>(ImportUploadOptions options, Func<Task<T>> call, CancellationToken cancellationToken)
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return await call().ConfigureAwait(false);
                }
                catch (Exception e) when (attempt < options.MaxAttempts && IsTransient(e, cancellationToken))
                {
                    await Task.Delay(Delay(options.RetryDelay, attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
