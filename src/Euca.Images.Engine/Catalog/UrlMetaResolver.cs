using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Gives url-meta entries their download URL as install-images.py did: fetch the meta document and search its
    /// text with <c>url-meta-regex</c>; the URL is the first capture group, or the whole match when the expression has
    /// none. The document is fetched once however many entries name it; its size and the expression's running time are
    /// bounded, since both come from the catalog.
    /// </summary>
    internal sealed class UrlMetaResolver
    {
        private readonly CatalogFetcher _fetcher;
        private readonly CatalogReadOptions _options;
        private readonly Dictionary<Uri, Task<string>> _documents = new Dictionary<Uri, Task<string>>();

        public UrlMetaResolver(CatalogFetcher fetcher, CatalogReadOptions options)
        {
            _fetcher = fetcher;
            _options = options;
        }

        public async Task<CatalogImage> ResolveAsync(EucalyptusImagesEntry entry, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            Uri metaUri = entry.MetaUri!;
            string text;
            try
            {
                text = await Document(metaUri, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e)
            {
                throw Unresolved(entry, $"its url-meta document could not be read: {e.Message}", e);
            }

            Match match;
            try
            {
                match = new Regex(entry.MetaRegex!, RegexOptions.CultureInvariant, _options.RegexTimeout).Match(text);
            }
            catch (ArgumentException e)
            {
                throw Unresolved(entry, $"its url-meta-regex is not a valid expression ({e.Message})", e);
            }
            catch (RegexMatchTimeoutException e)
            {
                throw Unresolved(entry, $"its url-meta-regex ran longer than {_options.RegexTimeout.TotalSeconds:0.#} s on the document", e);
            }

            if (!match.Success)
            {
                throw Unresolved(entry, $"its url-meta-regex matches nothing in {CatalogFetcher.Show(metaUri)}", null);
            }

            string found = (match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value).Trim();
            // Only an absolute URL: a fragment of the document resolved against it would be a URL nobody published.
            if (!Uri.TryCreate(found, UriKind.Absolute, out Uri? download) || (download.Scheme != Uri.UriSchemeHttp && download.Scheme != Uri.UriSchemeHttps))
            {
                throw Unresolved(entry, $"its url-meta-regex found '{CatalogEntry.Shown(found)}', which is not an http or https URL", null);
            }

            return entry.Build!(download);
        }

        private Task<string> Document(Uri uri, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            if (!_documents.TryGetValue(uri, out Task<string>? document))
            {
                document = ReadAsync(uri, progress, cancellationToken);
                _documents[uri] = document;
            }

            return document;
        }

        private async Task<string> ReadAsync(Uri uri, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            byte[] bytes = await _fetcher.ReadAllAsync(uri, "url-meta document", _options.MaxMetaBytes, progress, cancellationToken).ConfigureAwait(false);
            return new UTF8Encoding(false, false).GetString(bytes);
        }

        private static EucaException Unresolved(EucalyptusImagesEntry entry, string problem, Exception? inner) =>
            new EucaException(ErrorIds.CatalogUrlMetaUnresolved, EucaErrorCategory.InvalidData, $"The catalog's {entry.Label} has no download URL: {problem}; it is skipped.", entry.Label, inner);
    }
}
