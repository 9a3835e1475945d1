using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Unbundles straight from object storage (euca-download-and-unbundle): each part's body streams into the
    /// payload reader, which checks its SHA-1, so no part is stored on disk.
    /// </summary>
    public static class StoredBundleExpander
    {
        public static async Task<ExpandedImage> ExpandAsync(CloudConnection connection, StoredBundleExpandRequest request,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            ManifestLocation location = request.Location;
            var store = ObjectStore.For(connection, request.Retry);
            StoredManifest manifest = await StoredManifest.ReadAsync(store, location, ct).ConfigureAwait(false);
            ManifestTrust.Verify(manifest.Document, request.Signer, location.ToString());
            UnwrappedBundleKey key = manifest.Manifest.UnwrapKey(request.PrivateKey);
            string outputPath = LocalBundle.OutputPathFor(manifest.Manifest, request.Destination);

            List<PayloadPartSource> sources = manifest.Manifest.Parts.OrderBy(p => p.Index)
                .Select(p => new PayloadPartSource(p.Index, p.FileName, p.Digest, token => OpenPartAsync(store, location, p.FileName, token)))
                .ToList();
            using (ImageFileWriter output = ImageFileWriter.Create(outputPath, request.Force))
            {
                PayloadReadResult result = await PayloadReader.ReadAsync(sources, key.Material.GetKey(), key.Material.GetIv(),
                    new PayloadExpectation(manifest.Manifest.ImageDigest, manifest.Manifest.Size, manifest.Manifest.BundledSize), output.Stream, progress, ct).ConfigureAwait(false);
                output.Commit();
                return new ExpandedImage(output.Path, result.ImageSize, result.ImageDigestSha1, key.Source, location.ToString());
            }
        }

        private static Task<Stream> OpenPartAsync(ObjectStore store, ManifestLocation location, string fileName, CancellationToken ct)
        {
            string key = location.KeyFor(fileName);
            return new StorageCall($"Downloading part {fileName}", location.Bucket, key, ErrorIds.StoragePartDownloadFailed, "Run the command again to retry.")
                .RunAsync(async token =>
                {
                    try
                    {
                        return await store.OpenReadAsync(location.Bucket, key, token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (StorageErrors.IsNotFound(e))
                    {
                        throw new EucaException(ErrorIds.BundlePartMissing, EucaErrorCategory.ObjectNotFound,
                            $"The manifest '{location}' lists part {fileName}, but '{location.Bucket}/{key}' does not exist (HTTP 404).", location.Bucket + "/" + key, e);
                    }
                }, ct);
        }
    }
}
