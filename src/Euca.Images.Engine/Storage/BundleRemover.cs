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
        public static async Task<IReadOnlyList<string>> RemoveAsync(CloudConnection connection, string manifestLocation, bool removeBucket,
            RetryPolicy? retry, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            ManifestLocation location = ManifestLocation.Parse(manifestLocation);
            var store = ObjectStore.For(connection, retry);

            List<string> keys = await KeysToDeleteAsync(store, location, ct).ConfigureAwait(false);
            var deleted = new List<string>();
            foreach (string key in keys)
            {
                progress?.Report(new OperationProgress($"Removing {location}", deleted.Count, keys.Count, key));
                await RunAsync(() => store.DeleteAsync(location.Bucket, key, ct), "Deleting", location, key, ct).ConfigureAwait(false);
                deleted.Add(key);
            }

            if (removeBucket)
            {
                await RunAsync(() => store.DeleteBucketAsync(location.Bucket, ct), "Deleting the bucket", location, null, ct).ConfigureAwait(false);
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
            IReadOnlyList<StoredObject> listed = null!;
            await RunAsync(async () => listed = await store.ListAsync(location.Bucket, prefix, ct).ConfigureAwait(false), "Listing", location, prefix, ct).ConfigureAwait(false);
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

        private static async Task RunAsync(Func<Task> call, string action, ManifestLocation location, string? key, CancellationToken ct)
        {
            try
            {
                await call().ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
            {
                if (key == null && e is Amazon.Runtime.AmazonServiceException service && (int)service.StatusCode == 409)
                {
                    throw new EucaException(ErrorIds.StorageBucketNotEmpty, EucaErrorCategory.ResourceExists,
                        $"The bundle was removed, but the bucket '{location.Bucket}' still holds other objects (HTTP 409 {service.ErrorCode}), so it was kept.", location.Bucket, e);
                }

                throw StorageErrors.Translate(e, action, location.Bucket, key, ErrorIds.StorageDeleteFailed,
                    $"Run Remove-EucaBundle -ManifestLocation {location} again to finish.");
            }
        }
    }
}
