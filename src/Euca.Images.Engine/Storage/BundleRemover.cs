using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Deletes a stored bundle: every part the manifest names, then the manifest (euca-delete-bundle). Without a
    /// manifest (an interrupted upload), the parts are found by listing the prefix, as ec2-delete-bundle does:
    /// keys <c>PREFIX.part.N</c> and <c>PREFIX.manifest[.xml]</c> only.
    /// </summary>
    public static class BundleRemover
    {
        private static readonly Regex BundleKeySuffix = new Regex(@"^\.(part\.[0-9]+|manifest(\.xml)?)$");

        /// <returns>The keys deleted, parts first.</returns>
        public static async Task<IReadOnlyList<string>> RemoveAsync(CloudConnection connection, BundleRemoveRequest request,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            ManifestLocation location = request.Location;
            var store = ObjectStore.For(connection, request.Retry);

            List<string> keys = await KeysToDeleteAsync(store, location, ct).ConfigureAwait(false);
            var deleted = new List<string>();
            foreach (string key in keys)
            {
                progress?.Report(new OperationProgress($"Removing {location}", deleted.Count, keys.Count, key));
                await DeletionOf("Deleting", location, key).RunAsync(token => store.DeleteAsync(location.Bucket, key, token), ct).ConfigureAwait(false);
                deleted.Add(key);
            }

            if (request.RemoveBucket)
            {
                await DeletionOf("Deleting the bucket", location, null).RunAsync(token => DeleteEmptyBucketAsync(store, location, token), ct).ConfigureAwait(false);
            }

            return deleted;
        }

        private static async Task<List<string>> KeysToDeleteAsync(ObjectStore store, ManifestLocation location, CancellationToken ct)
        {
            StoredManifest? manifest = await StoredManifest.TryReadAsync(store, location, ct).ConfigureAwait(false);
            if (manifest != null)
            {
                return manifest.Manifest.Parts.OrderBy(p => p.Index).Select(p => location.KeyFor(p.FileName)).Concat(new[] { location.Key }).ToList();
            }

            string prefix = location.KeyPrefix + location.BundlePrefix;
            IReadOnlyList<StoredObject> listed = await DeletionOf("Listing", location, prefix)
                .RunAsync(token => store.ListAsync(location.Bucket, prefix, token), ct).ConfigureAwait(false);
            List<string> found = listed.Select(o => o.Key)
                .Where(key => BundleKeySuffix.IsMatch(key.Substring(prefix.Length)))
                .OrderBy(key => key.EndsWith(".xml", StringComparison.Ordinal) || key.EndsWith(".manifest", StringComparison.Ordinal) ? 1 : 0)
                .ThenBy(key => key, StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0)
            {
                throw new EucaException(ErrorIds.StorageManifestNotFound, EucaErrorCategory.ObjectNotFound,
                    $"There is no manifest at '{location}' and no part named '{prefix}.part.N' in bucket '{location.Bucket}': nothing to remove.", location.ToString());
            }

            return found;
        }

        /// <summary>A call made while removing: a failure says to run the removal again to finish.</summary>
        private static StorageCall DeletionOf(string action, ManifestLocation location, string? key) =>
            new StorageCall(action, location.Bucket, key, ErrorIds.StorageDeleteFailed, $"Run Remove-EucaBundle -ManifestLocation {location} again to finish.");

        /// <summary>A bucket that still holds other objects (409) is kept, and the error says so.</summary>
        private static async Task DeleteEmptyBucketAsync(ObjectStore store, ManifestLocation location, CancellationToken ct)
        {
            try
            {
                await store.DeleteBucketAsync(location.Bucket, ct).ConfigureAwait(false);
            }
            catch (Amazon.Runtime.AmazonServiceException e) when ((int)e.StatusCode == 409)
            {
                throw new EucaException(ErrorIds.StorageBucketNotEmpty, EucaErrorCategory.ResourceExists,
                    $"The bundle was removed, but the bucket '{location.Bucket}' still holds other objects (HTTP 409 {e.ErrorCode}), so it was kept.", location.Bucket, e);
            }
        }
    }
}
