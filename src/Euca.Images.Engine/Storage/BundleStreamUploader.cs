using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Bundles and uploads in one pass (euca-bundle-and-upload-image): parts are uploaded from memory while later
    /// parts are still being bundled, with at most a few pending at once, and the manifest goes last. Parts reach the
    /// disk only when the bundle is kept; otherwise only the manifest is written locally, and removed once stored.
    /// </summary>
    public static class BundleStreamUploader
    {
        /// <summary>
        /// Parts pending at once by default, the one being bundled included (euca2ools' --max-pending-parts is 2):
        /// 40 MiB of buffers lets three uploads overlap the bundling of the next part.
        /// </summary>
        public const int DefaultMaxPendingParts = 4;

        /// <summary>The most memory the pending parts may take (parts times part size).</summary>
        public const long MaxPendingBytes = 512L * 1024 * 1024;

        public static async Task<BundleUpload> CreateAndSendAsync(CloudConnection connection, BundleCreateRequest request, BundleUploadTarget target,
            int maxPendingParts, bool keepBundle, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (target == null) throw new ArgumentNullException(nameof(target));
            CheckPendingMemory(maxPendingParts, request.PartSize);
            string acl = BundleAcl.Check(target.Acl);
            string prefix = request.Prefix ?? Path.GetFileName(request.ImagePath);
            BundleNames.CheckPrefix(prefix);
            ManifestLocation location = ManifestLocation.Create(target.Bucket, target.KeyPrefix ?? string.Empty, prefix);

            BundleTransferJournal journal = target.Journal;
            journal.ManifestLocation = location.ToString();
            journal.ResumeAdvice = "run the same New-EucaBundle -Bucket command again (a new bundle has a new key, so every part is sent again)";

            ObjectStore store = target.StoreFor(connection);
            await BundleUploader.PrepareAsync(store, location, target.Location, journal, ct).ConfigureAwait(false);

            var transfer = new TransferProgress(progress, $"Uploading {prefix} to {location.Bucket}/{location.KeyPrefix}", null, null, id: 1);
            var sender = new PartSender(store, location, acl, transfer, journal);
            BundleInfo? bundle = null;
            UploadingPartSink? sink = null;
            using var buffers = new PendingPartBuffers(maxPendingParts, checked((int)request.PartSize));
            try
            {
                bundle = await BundleCreator.CreateAsync(request, directory => sink = new UploadingPartSink(directory, sender, buffers, keepBundle), progress, ct)
                    .ConfigureAwait(false);
                long manifestBytes = await BundleUploader.SendManifestAsync(store, location, bundle.ManifestPath, acl, journal, ct).ConfigureAwait(false);
                return new BundleUpload(location, bundle.Prefix, bundle.ImageType, bundle.Architecture, bundle.Parts.Count, sender.Sent, 0, sender.BytesSent + manifestBytes);
            }
            finally
            {
                sink?.Dispose();
                if (bundle != null && !keepBundle)
                {
                    RemoveLocalBundle(bundle, request.Destination == null);
                }
            }
        }

        /// <summary>Checked before anything is read or uploaded: the pending parts are held in memory.</summary>
        private static void CheckPendingMemory(int maxPendingParts, long partSize)
        {
            if (maxPendingParts < 1)
            {
                throw new EucaException(ErrorIds.PendingPartsInvalid, EucaErrorCategory.InvalidArgument,
                    $"At least one part must be allowed to be pending; {maxPendingParts} was given.", maxPendingParts);
            }

            // Divided rather than multiplied: a part size near long.MaxValue must not overflow past the check.
            if (partSize > MaxPendingBytes / maxPendingParts)
            {
                throw new EucaException(ErrorIds.PendingPartsTooLarge, EucaErrorCategory.InvalidArgument,
                    $"{maxPendingParts} pending parts of {partSize} bytes would hold {(double)partSize * maxPendingParts / 1048576.0:0.#} MiB in memory; " +
                    $"the limit is {MaxPendingBytes / 1048576} MiB. Use a smaller part size or fewer pending parts.", partSize);
            }
        }

        private static void RemoveLocalBundle(BundleInfo bundle, bool temporaryDirectory)
        {
            // Without -KeepBundle the parts never reached the disk: only the manifest is there.
            File.Delete(bundle.ManifestPath);

            if (temporaryDirectory && Directory.Exists(bundle.Directory) && !Directory.EnumerateFileSystemEntries(bundle.Directory).Any())
            {
                Directory.Delete(bundle.Directory);
            }
        }
    }
}
