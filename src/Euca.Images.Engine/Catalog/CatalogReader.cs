using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Reads a catalog of any generation from an http, https or file URL into <see cref="CatalogImage"/>s. The
    /// generation comes from the content: a tar header means a euimage pack (read up to its metadata only), anything
    /// else must be a JSON catalog (<see cref="JsonCatalogReader"/>). A problem with the whole document is thrown; a
    /// problem with one entry is listed in <see cref="CatalogListing.Errors"/> and the other entries are still read.
    /// </summary>
    public sealed class CatalogReader : IDisposable
    {
        private const int TarBlock = 512;

        private readonly CatalogReadOptions _options;
        private readonly CatalogFetcher _fetcher;

        public CatalogReader(CatalogReadOptions? options = null)
        {
            _options = options ?? new CatalogReadOptions();
            _fetcher = new CatalogFetcher(_options);
        }

        public void Dispose() => _fetcher.Dispose();

        public async Task<CatalogListing> ReadAsync(Uri location, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            var source = new CatalogSource(location ?? throw new ArgumentNullException(nameof(location)));
            return await _fetcher.WithDocumentAsync(location, "catalog", async document =>
            {
                byte[] head = await CatalogFetcher.ReadUpToAsync(document, TarBlock).ConfigureAwait(false);
                if (CatalogTarHeader.IsHeader(head))
                {
                    return await EuimagePackReader.ReadAsync(_fetcher, document, head, source, _options).ConfigureAwait(false);
                }

                byte[] json = await CatalogFetcher.ReadBoundedAsync(document, head, "catalog", _options.MaxCatalogBytes, progress).ConfigureAwait(false);
                return await ReadEntriesAsync(JsonCatalogReader.Parse(json, source, _options), source, progress, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        private async Task<CatalogListing> ReadEntriesAsync(JsonCatalog catalog, CatalogSource source, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            var images = new List<CatalogImage>();
            var errors = new List<EucaException>();
            var resolver = new UrlMetaResolver(_fetcher, _options);
            for (int i = 0; i < catalog.Entries.Count; i++)
            {
                try
                {
                    var entry = new CatalogEntry(catalog.Entries[i], $"entry {i + 1}", source);
                    switch (catalog.Generation)
                    {
                        case CatalogGeneration.Eustore:
                            images.Add(EustoreCatalogReader.Read(entry));
                            break;
                        case CatalogGeneration.CatalogWeb:
                            images.Add(CatalogWebReader.Read(entry));
                            break;
                        default:
                            EucalyptusImagesEntry read = EucalyptusImagesReader.Read(entry, catalog.Version);
                            images.Add(read.Pending ? await resolver.ResolveAsync(read, progress, cancellationToken).ConfigureAwait(false) : read.Image!);
                            break;
                    }
                }
                catch (EucaException e) when (e.Is(ErrorIds.CatalogEntryInvalid) || e.Is(ErrorIds.CatalogUrlMetaUnresolved))
                {
                    errors.Add(e);
                }
            }

            return new CatalogListing(source.Name, catalog.Generation, images, errors);
        }
    }
}
