using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>A manifest read from object storage: the parsed document and its exact bytes.</summary>
    internal sealed class StoredManifest
    {
        private StoredManifest(ManifestDocument document, byte[] raw)
        {
            Document = document;
            Raw = raw;
        }

        public ManifestDocument Document { get; }

        public BundleManifest Manifest => Document.Manifest;

        public byte[] Raw { get; }

        /// <summary>Reads and parses the manifest; a missing one is <c>StorageManifestNotFound</c>.</summary>
        public static async Task<StoredManifest> ReadAsync(ObjectStore store, ManifestLocation location, CancellationToken ct)
        {
            StoredManifest? manifest = await TryReadAsync(store, location, ct).ConfigureAwait(false);
            return manifest ?? throw NotFound(location);
        }

        /// <summary>Null when the manifest does not exist.</summary>
        public static async Task<StoredManifest?> TryReadAsync(ObjectStore store, ManifestLocation location, CancellationToken ct)
        {
            byte[]? raw = await new StorageCall("Reading the manifest", location.Bucket, location.Key, ErrorIds.StorageManifestUnreadable)
                .RunAsync(token => GetIfStoredAsync(store, location, token), ct).ConfigureAwait(false);
            return raw == null ? null : new StoredManifest(ManifestReader.Read(raw, location.ToString()), raw);
        }

        public static EucaException NotFound(ManifestLocation location) =>
            new EucaException(ErrorIds.StorageManifestNotFound, EucaErrorCategory.ObjectNotFound,
                $"There is no manifest at '{location}' (HTTP 404 for bucket '{location.Bucket}', key '{location.Key}'). Check the bucket and prefix, or list the bucket.",
                location.ToString());

        /// <summary>The manifest's bytes; null for a missing key (a missing bucket is an error, not an absent manifest).</summary>
        private static async Task<byte[]?> GetIfStoredAsync(ObjectStore store, ManifestLocation location, CancellationToken ct)
        {
            try
            {
                return await store.GetAsync(location.Bucket, location.Key, async (body, info, token) =>
                {
                    if (info.Size > ManifestReader.MaxManifestBytes)
                    {
                        throw new EucaException(ErrorIds.ManifestTooLarge, EucaErrorCategory.InvalidData,
                            $"'{location}' is {info.Size} bytes long, too large for a bundle manifest.", location.ToString());
                    }

                    using (var buffer = new MemoryStream())
                    {
                        await body.CopyToAsync(buffer, 81920, token).ConfigureAwait(false);
                        return buffer.ToArray();
                    }
                }, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (StorageErrors.IsNotFound(e) && !IsMissingBucket(e))
            {
                return null;
            }
        }

        private static bool IsMissingBucket(Exception e) => e is Amazon.Runtime.AmazonServiceException service && service.ErrorCode == "NoSuchBucket";
    }
}
