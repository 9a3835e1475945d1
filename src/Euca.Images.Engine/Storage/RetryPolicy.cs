using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Retries of object-storage requests: exponential backoff with jitter, on timeouts, dropped or reset
    /// connections, HTTP 500/502/503/504, 408 and 429, and on a part the server stored differently from what was
    /// sent. Never on other 4xx answers, which a retry cannot fix. The SDK's own retries are off for these calls
    /// (<see cref="Cloud.CloudConnection"/>), so this is the whole behaviour; <see cref="Delay"/> is injectable so
    /// tests need not wait.
    /// </summary>
    public sealed class RetryPolicy
    {
        private readonly object _gate = new object();
        private readonly Random _jitter;

        public RetryPolicy(int seed = 0)
        {
            _jitter = seed == 0 ? new Random() : new Random(seed);
        }

        /// <summary>Tries per request, the first included (euca2ools: 3; parts of a large bundle deserve more).</summary>
        public int MaxAttempts { get; set; } = 5;

        /// <summary>The first backoff before jitter; the n-th retry waits (1 + random) * BaseDelay * 2^(n-1).</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>No backoff is longer than this (euca2ools caps it at 15 s).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>Waits between attempts; tests replace it to record the delays instead of sleeping.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (delay, ct) => Task.Delay(delay, ct);

        /// <summary>The backoff after the <paramref name="failedAttempt"/>-th failure (1-based).</summary>
        public TimeSpan BackoffFor(int failedAttempt)
        {
            double random;
            lock (_gate)
            {
                random = _jitter.NextDouble();
            }

            double exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(30, failedAttempt - 1));
            return TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, (1 + random) * exponential));
        }

        /// <summary>
        /// Runs <paramref name="attempt"/> until it succeeds, fails with an error not worth retrying, or runs out of
        /// attempts; then the last exception propagates. <paramref name="onRetry"/> hears about each retried failure.
        /// </summary>
        public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, Action<Exception, int>? onRetry, CancellationToken ct)
        {
            for (int number = 1; ; number++)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    return await attempt(ct).ConfigureAwait(false);
                }
                catch (Exception e) when (number < MaxAttempts && IsRetryable(e, ct))
                {
                    onRetry?.Invoke(e, number);
                    await Delay(BackoffFor(number), ct).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Whether a failed request may succeed when sent again.</summary>
        public static bool IsRetryable(Exception exception, CancellationToken ct)
        {
            if (ct.IsCancellationRequested || exception is EucaException)
            {
                return false;
            }

            if (exception is TransferCorruptedException)
            {
                return true;
            }

            if (exception is AmazonServiceException service && service.StatusCode != 0)
            {
                return IsRetryableStatus((int)service.StatusCode);
            }

            // Not cancelled by the caller: the HTTP client's timeout.
            if (exception is OperationCanceledException || exception is TimeoutException)
            {
                return true;
            }

            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                if (e is HttpRequestException || e is IOException || e is SocketException || e is WebException
                    || e is TimeoutException || e is OperationCanceledException)
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsRetryableStatus(int status) =>
            status == 500 || status == 502 || status == 503 || status == 504 || status == 408 || status == 429;
    }
}
