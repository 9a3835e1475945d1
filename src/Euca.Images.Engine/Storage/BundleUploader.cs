using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Stores a bundle from disk (euca-upload-bundle): the bucket is checked and created on 404, the parts go up in
    /// parallel, each verified against its MD5, and the manifest goes last, so an interrupted upload never leaves a
    /// manifest pointing at missing parts. A manifest already at the target key is removed before the first part is
    /// replaced, for the same reason.
    /// </summary>
    public static class BundleUploader
    {
        public static async Task<BundleUpload> SendAsync(CloudConnection connection, BundleSendRequest request,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            BundleUploadTarget target = request.Target;
            LocalBundle bundle = LocalBundle.Open(request.ManifestPath, null);
            ManifestTrust.Verify(bundle.Document, request.Signer, bundle.ManifestPath);
            ManifestLocation location = ManifestLocation.Parse(target.Bucket + "/" + ManifestLocation.NormalizeKeyPrefix(target.KeyPrefix) + Path.GetFileName(bundle.ManifestPath));
            List<(BundlePart Part, string Path, long Size)> files = bundle.Manifest.Parts.OrderBy(p => p.Index).Select(p => (p, bundle.PartPath(p), SizeOf(bundle.PartPath(p)))).ToList();

            BundleTransferJournal journal = target.Journal;
            journal.ManifestLocation = location.ToString();
            journal.ResumeAdvice = $"Send-EucaBundle -ManifestPath '{bundle.ManifestPath}' -Bucket {target.Bucket}" +
                (location.KeyPrefix.Length == 0 ? string.Empty : $" -KeyPrefix {location.KeyPrefix.TrimEnd('/')}") + " -Resume";

            ObjectStore store = target.StoreFor(connection);
            await PrepareAsync(store, location, target, ct).ConfigureAwait(false);

            long total = files.Sum(f => f.Size);
            var transfer = new TransferProgress(progress, $"Uploading {bundle.Manifest.ImageName} to {location.Bucket}/{location.KeyPrefix}", total, files.Count);
            var sender = new PartSender(store, location, target.Acl, transfer, journal);
            await Throttled.ForEachAsync(files, target.ThrottleLimit, async (file, token) =>
            {
                var part = LocalPart.FromFile(file.Part.Index, file.Part.FileName, file.Path, file.Size, FileMd5.Of(file.Path));
                await sender.SendAsync(part, request.Resume, token).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);

            long manifestBytes = await SendManifestAsync(store, location, bundle.ManifestPath, target.Acl, journal, ct).ConfigureAwait(false);
            return new BundleUpload(location, bundle.Manifest, sender.Sent, sender.Skipped, sender.BytesSent + manifestBytes);
        }

        /// <summary>
        /// Runs the target's replace check, checks (and creates) the bucket, then removes a manifest already stored
        /// under the target key: parts are about to be replaced, and the old manifest must not point at a mix of old
        /// and new ones.
        /// </summary>
        internal static async Task PrepareAsync(ObjectStore store, ManifestLocation location, BundleUploadTarget target, CancellationToken ct)
        {
            if (target.ReplaceCheck != null)
            {
                await target.ReplaceCheck(location, ct).ConfigureAwait(false);
            }

            await new StorageCall("Checking or creating the bucket", location.Bucket, null, ErrorIds.StorageBucketUnavailable)
                .RunAsync(token => store.EnsureBucketAsync(location.Bucket, target.Location, token), ct).ConfigureAwait(false);
            await new StorageCall("Removing the previous manifest", location.Bucket, location.Key, ErrorIds.StorageManifestUploadFailed)
                .RunAsync(token => store.DeleteAsync(location.Bucket, location.Key, token), ct).ConfigureAwait(false);
        }

        /// <summary>Uploads the manifest, the last step; returns its size.</summary>
        internal static async Task<long> SendManifestAsync(ObjectStore store, ManifestLocation location, string manifestPath, string acl,
            BundleTransferJournal journal, CancellationToken ct)
        {
            long size = await new StorageCall("Uploading the manifest", location.Bucket, location.Key, ErrorIds.StorageManifestUploadFailed,
                    BundleTransferJournal.Advice(journal.ResumeAdvice, location.ToString()))
                .RunAsync(token => store.PutFileAsync(location.Bucket, location.Key, manifestPath, FileMd5.Of(manifestPath), acl, null, token), ct)
                .ConfigureAwait(false);
            journal.ManifestStored = true;
            return size;
        }

        private static long SizeOf(string path)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new EucaException(ErrorIds.BundlePartMissing, EucaErrorCategory.ObjectNotFound,
                    $"The bundle part '{path}' does not exist; nothing was uploaded.", path);
            }

            return file.Length;
        }
    }
}
