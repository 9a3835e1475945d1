using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Downloads one file over HTTP(S) into a <see cref="PartialDownload"/>: each attempt that is cut off (dropped
    /// connection, no byte for <see cref="CatalogDownloadRequest.StallTimeout"/>, 5xx) is retried after a growing
    /// delay with a Range request for the rest, and the file is hashed as it arrives and verified at the end. A
    /// verified file is renamed to the destination; a file that fails its checksum is deleted; a download that runs
    /// out of retries or is stopped keeps its part file, which the next run resumes.
    /// </summary>
    public sealed class CatalogDownloader : IDisposable
    {
        private const int BufferSize = 1 << 16;
        private readonly HttpClient _http;

        public CatalogDownloader()
            : this(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
        }

        internal CatalogDownloader(HttpMessageHandler handler)
        {
            // Whole images take hours on slow links: only a stall (StallTimeout) ends an attempt, never its length.
            _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        public void Dispose() => _http.Dispose();

        public async Task<CatalogDownload> DownloadAsync(CatalogDownloadRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            CheckUri(request.Uri);
            if (request.Checksum != null)
            {
                ChecksumHasher.CheckForm(request.Checksum);
            }

            var partial = new PartialDownload(request.Destination);
            var state = new DownloadState(request, progress);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.Destination))!);
                while (!await TryOnceAsync(request, partial, state, ct).ConfigureAwait(false))
                {
                    if (state.Attempts >= request.MaxAttempts)
                    {
                        throw new EucaException(ErrorIds.CatalogDownloadFailed, EucaErrorCategory.ConnectionError,
                            $"Downloading {request.Uri} failed {state.Attempts} times, last: {state.LastFailure}. " +
                            $"{partial.ResumableLength} bytes are kept in '{partial.DataPath}'; run the command again to resume.", request.Uri.ToString());
                    }

                    await Task.Delay(state.NextDelay(), ct).ConfigureAwait(false);
                }

                if (request.Checksum != null)
                {
                    state.Hasher!.Verify(request.Checksum, $"The download of {request.Uri}");
                }

                partial.Complete(request.Destination);
                return new CatalogDownload(request.Destination, state.Length, state.Received, state.Attempts);
            }
            catch (EucaException e) when (e.Is(ErrorIds.CatalogChecksumMismatch) || e.Is(ErrorIds.CatalogDownloadSizeMismatch))
            {
                partial.Delete();
                throw;
            }
            catch (UnauthorizedAccessException e)
            {
                throw WorkFileFailed(partial, e);
            }
            finally
            {
                state.Hasher?.Dispose();
            }
        }

        private static void CheckUri(Uri uri)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new EucaException(ErrorIds.CatalogDownloadUriInvalid, EucaErrorCategory.InvalidArgument,
                    $"'{uri}' is not an http or https URL.", uri.ToString());
            }
        }

        /// <summary>One request; true when the file is complete, false when it is worth another try.</summary>
        private async Task<bool> TryOnceAsync(CatalogDownloadRequest request, PartialDownload partial, DownloadState state, CancellationToken ct)
        {
            state.Attempts++;
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
            try
            {
                stall.CancelAfter(request.StallTimeout);
                using HttpRequestMessage message = RequestFor(request.Uri, partial);
                using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);
                if (!Accept(response, partial, state))
                {
                    return false;
                }

                using FileStream file = Open(response, partial, state);
                using Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                return await CopyAsync(body, file, request, state, stall, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && (e is HttpRequestException || e is IOException || e is OperationCanceledException))
            {
                state.LastFailure = e is OperationCanceledException ? $"no data for {request.StallTimeout.TotalSeconds:0} s" : e.Message;
                return false;
            }
        }

        private static HttpRequestMessage RequestFor(Uri uri, PartialDownload partial)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, uri);
            long have = partial.ResumableLength;
            if (have > 0)
            {
                string validator = partial.Validator!;
                message.Headers.Range = new RangeHeaderValue(have, null);
                message.Headers.IfRange = validator.StartsWith("\"", StringComparison.Ordinal)
                    ? new RangeConditionHeaderValue(EntityTagHeaderValue.Parse(validator))
                    : new RangeConditionHeaderValue(DateTimeOffset.Parse(validator, System.Globalization.CultureInfo.InvariantCulture));
            }

            return message;
        }

        /// <summary>Sorts the answer: usable (200, or 206 at the right offset), worth a retry, or a refusal.</summary>
        private static bool Accept(HttpResponseMessage response, PartialDownload partial, DownloadState state)
        {
            int status = (int)response.StatusCode;
            if (status == 416 || (status == 206 && response.Content.Headers.ContentRange?.From != partial.ResumableLength))
            {
                // The kept bytes no longer fit the file on the server (it shrank, or the server is confused): start over.
                partial.Delete();
                state.LastFailure = $"HTTP {status} for the rest of the file; starting over";
                return false;
            }

            if (status == 200 || status == 206)
            {
                return true;
            }

            if (status >= 500 || status == 408 || status == 429)
            {
                state.LastFailure = $"HTTP {status} {response.ReasonPhrase}";
                return false;
            }

            throw new EucaException(ErrorIds.CatalogDownloadRefused, EucaErrorCategory.ResourceUnavailable,
                $"The server refused the download of {response.RequestMessage?.RequestUri}: HTTP {status} {response.ReasonPhrase}.",
                response.RequestMessage?.RequestUri?.ToString());
        }

        private static FileStream Open(HttpResponseMessage response, PartialDownload partial, DownloadState state)
        {
            long? length = response.Content.Headers.ContentLength;
            if (response.StatusCode == HttpStatusCode.PartialContent)
            {
                long have = partial.ResumableLength;
                state.Total = response.Content.Headers.ContentRange!.Length ?? (length.HasValue ? have + length : null);
                state.CheckSize(response.RequestMessage!.RequestUri!);
                FileStream kept = partial.Continue();
                state.CatchUpHash(kept, have);
                kept.Position = have;
                return kept;
            }

            // A full answer: the first request, a server without ranges, or If-Range saw a changed file.
            state.Total = length;
            state.CheckSize(response.RequestMessage!.RequestUri!);
            state.RestartHash();
            return partial.Restart(PartialDownload.ValidatorOf(response));
        }

        private static async Task<bool> CopyAsync(Stream body, FileStream file, CatalogDownloadRequest request, DownloadState state,
            CancellationTokenSource stall, CancellationToken ct)
        {
            var buffer = new byte[BufferSize];
            while (true)
            {
                stall.CancelAfter(request.StallTimeout);
                int n = await body.ReadAsync(buffer, 0, buffer.Length, stall.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                if (file.Position + n > (state.Total ?? request.MaxBytes))
                {
                    throw new EucaException(ErrorIds.CatalogDownloadSizeMismatch, EucaErrorCategory.InvalidData,
                        $"The server sent more than the {state.Total ?? request.MaxBytes} bytes of {request.Uri}.", request.Uri.ToString());
                }

                await WriteAsync(file, buffer, n, state, ct).ConfigureAwait(false);
                state.Report(file.Position);
            }

            state.Length = file.Position;
            if (state.Total is long total && file.Position < total)
            {
                state.LastFailure = $"the connection closed after {file.Position} of {total} bytes";
                return false;
            }

            return true;
        }

        private static async Task WriteAsync(FileStream file, byte[] buffer, int count, DownloadState state, CancellationToken ct)
        {
            try
            {
                await file.WriteAsync(buffer, 0, count, ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // A local disk failure (full disk) is not a network failure: retrying cannot help.
                throw new EucaException(ErrorIds.CatalogWorkFileFailed, EucaErrorCategory.ResourceUnavailable,
                    $"Writing the download to '{file.Name}' failed: {e.Message}", file.Name, e);
            }

            state.Hasher?.Append(buffer, 0, count);
            state.HashedLength += count;
            state.Received += count;
        }

        private static EucaException WorkFileFailed(PartialDownload partial, Exception e) =>
            new EucaException(ErrorIds.CatalogWorkFileFailed, EucaErrorCategory.ResourceUnavailable,
                $"Writing the download to '{partial.DataPath}' failed: {e.Message}", partial.DataPath, e);
    }
}
