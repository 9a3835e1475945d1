using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Files;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Opens what a catalog read needs (the catalog, a url-meta document, a pack) from an http, https or file URL,
    /// each under its own deadline that covers the connection and the whole body, and turns every failure into the
    /// catalogue's ids. Response bodies are decompressed by the handler, so the size caps count what is parsed.
    /// </summary>
    internal sealed class CatalogFetcher : IDisposable
    {
        private readonly CatalogReadOptions _options;
        private readonly HttpClient _http;

        public CatalogFetcher(CatalogReadOptions options)
        {
            _options = options;
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };

            // The deadline below bounds each fetch; the client's own timeout would only cover the headers.
            _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.ParseAdd("Euca.Images");
        }

        public void Dispose() => _http.Dispose();

        /// <summary>Opens <paramref name="uri"/> and runs <paramref name="read"/> on its body within the fetch deadline.</summary>
        public async Task<T> WithDocumentAsync<T>(Uri uri, string what, Func<FetchedDocument, Task<T>> read, CancellationToken cancellationToken)
        {
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(_options.FetchTimeout);
                try
                {
                    if (uri.IsFile)
                    {
                        using (FileStream file = RegularFile.OpenRead(uri.LocalPath))
                        {
                            return await read(new FetchedDocument(uri, file, file.Length, deadline.Token)).ConfigureAwait(false);
                        }
                    }

                    using (HttpResponseMessage response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false))
                    {
                        CheckStatus(response, uri, what);
                        using (Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                        using (deadline.Token.Register(body.Dispose))
                        {
                            return await read(new FetchedDocument(uri, body, response.Content.Headers.ContentLength, deadline.Token, response.Headers.ETag)).ConfigureAwait(false);
                        }
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested && !(e is EucaException))
                {
                    throw new EucaException(ErrorIds.CatalogTimeout, EucaErrorCategory.OperationTimeout,
                        $"The {what} at {Show(uri)} did not arrive within {_options.FetchTimeout.TotalSeconds:0.#} s.", Show(uri), e);
                }
                catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
                {
                    throw new EucaException(ErrorIds.CatalogNotFound, EucaErrorCategory.ObjectNotFound, $"The {what} file '{uri.LocalPath}' does not exist.", uri.LocalPath, e);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is HttpRequestException || e is IOException || e is UnauthorizedAccessException))
                {
                    throw new EucaException(ErrorIds.CatalogUnreachable, EucaErrorCategory.ConnectionError, $"The {what} at {Show(uri)} could not be read: {e.Message}", Show(uri), e);
                }
            }
        }

        /// <summary>
        /// The rest of an HTTP document from <paramref name="offset"/> on, by a Range request within the same deadline,
        /// so a reader can pass over a large part without downloading it. If-Range carries the first answer's ETag, so
        /// a document that changed in between is not spliced. Null when the server answers anything but that range
        /// (a 200 with the whole document: it ignores ranges, or the document changed).
        /// </summary>
        public async Task<FetchedDocument?> ReopenAtAsync(FetchedDocument document, long offset)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, document.Uri);
            request.Headers.Range = new RangeHeaderValue(offset, null);
            if (document.EntityTag != null)
            {
                request.Headers.IfRange = new RangeConditionHeaderValue(document.EntityTag);
            }

            using (request)
            {
                HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, document.Token).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.PartialContent || response.Content.Headers.ContentRange?.From != offset)
                {
                    response.Dispose();
                    return null;
                }

                Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                CancellationTokenRegistration deadline = document.Token.Register(body.Dispose);
                return new FetchedDocument(document.Uri, body, response.Content.Headers.ContentLength, document.Token, document.EntityTag, new RangedResponse(response, deadline));
            }
        }

        /// <summary>The whole body, refused as soon as it passes <paramref name="maxBytes"/> (or its Content-Length says it will).</summary>
        public Task<byte[]> ReadAllAsync(Uri uri, string what, long maxBytes, IProgress<OperationProgress>? progress, CancellationToken cancellationToken) =>
            WithDocumentAsync(uri, what, document => ReadBoundedAsync(document, new byte[0], what, maxBytes, progress), cancellationToken);

        /// <summary>Reads the rest of <paramref name="document"/> after <paramref name="head"/>, within <paramref name="maxBytes"/> in all.</summary>
        public static async Task<byte[]> ReadBoundedAsync(FetchedDocument document, byte[] head, string what, long maxBytes, IProgress<OperationProgress>? progress)
        {
            if (document.Length > maxBytes)
            {
                throw TooLarge(document.Uri, what, maxBytes);
            }

            using (var buffer = new MemoryStream())
            {
                buffer.Write(head, 0, head.Length);
                var chunk = new byte[81920];
                int read;
                while ((read = await document.Body.ReadAsync(chunk, 0, chunk.Length, document.Token).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        throw TooLarge(document.Uri, what, maxBytes);
                    }

                    buffer.Write(chunk, 0, read);
                    progress?.Report(new OperationProgress($"Reading the {what}", buffer.Length, document.Length, Show(document.Uri)));
                }

                return buffer.ToArray();
            }
        }

        /// <summary>Reads up to <paramref name="count"/> bytes, fewer only at the end of the body.</summary>
        public static async Task<byte[]> ReadUpToAsync(FetchedDocument document, int count)
        {
            var data = new byte[count];
            int total = 0;
            int read;
            while (total < count && (read = await document.Body.ReadAsync(data, total, count - total, document.Token).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            Array.Resize(ref data, total);
            return data;
        }

        /// <summary>The URL as messages show it: without user information, which may hold a password.</summary>
        public static string Show(Uri uri) =>
            uri.IsFile ? uri.LocalPath : string.IsNullOrEmpty(uri.UserInfo) ? uri.AbsoluteUri : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri;

        public static EucaException TooLarge(Uri uri, string what, long maxBytes) =>
            new EucaException(ErrorIds.CatalogTooLarge, EucaErrorCategory.InvalidData,
                $"The {what} at {Show(uri)} is larger than {maxBytes} bytes, more than any real one; check the URL.", Show(uri));

        private static void CheckStatus(HttpResponseMessage response, Uri uri, string what)
        {
            if (response.StatusCode == HttpStatusCode.NotFound || response.StatusCode == HttpStatusCode.Gone)
            {
                throw new EucaException(ErrorIds.CatalogNotFound, EucaErrorCategory.ObjectNotFound,
                    $"The server has no {what} at {Show(uri)} (HTTP {(int)response.StatusCode}).", Show(uri));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new EucaException(ErrorIds.CatalogUnreachable, EucaErrorCategory.ConnectionError,
                    $"The server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} for the {what} at {Show(uri)}.", Show(uri));
            }
        }

        /// <summary>A reopened document's response and its deadline registration, released together.</summary>
        private sealed class RangedResponse : IDisposable
        {
            private readonly HttpResponseMessage _response;
            private readonly CancellationTokenRegistration _deadline;

            public RangedResponse(HttpResponseMessage response, CancellationTokenRegistration deadline)
            {
                _response = response;
                _deadline = deadline;
            }

            public void Dispose()
            {
                _deadline.Dispose();
                _response.Dispose();
            }
        }
    }

    /// <summary>
    /// An opened document: its body, length when known, the token of its fetch deadline and, over HTTP, its ETag.
    /// A document reopened at an offset owns its response; the first one's is disposed by whoever opened it.
    /// </summary>
    internal sealed class FetchedDocument : IDisposable
    {
        private readonly IDisposable? _owned;

        public FetchedDocument(Uri uri, Stream body, long? length, CancellationToken token, EntityTagHeaderValue? entityTag = null, IDisposable? owned = null)
        {
            Uri = uri;
            Body = body;
            Length = length;
            Token = token;
            EntityTag = entityTag;
            _owned = owned;
        }

        public Uri Uri { get; }

        public Stream Body { get; }

        public long? Length { get; }

        public CancellationToken Token { get; }

        public EntityTagHeaderValue? EntityTag { get; }

        public void Dispose() => _owned?.Dispose();
    }
}
