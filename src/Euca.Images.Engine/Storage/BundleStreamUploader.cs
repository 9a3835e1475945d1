using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Cloud;
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

        public static async Task<BundleUpload> CreateAndSendAsync(CloudConnection connection, BundleCreateAndSendRequest request,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            BundleUploadTarget target = request.Target;
            ManifestLocation location = request.Location;

            BundleTransferJournal journal = target.Journal;
            journal.ManifestLocation = location.ToString();
            journal.ResumeAdvice = "run the same New-EucaBundle -Bucket command again (a new bundle has a new key, so every part is sent again)";

            ObjectStore store = target.StoreFor(connection);
            await BundleUploader.PrepareAsync(store, location, target, ct).ConfigureAwait(false);

            var transfer = new TransferProgress(progress, $"Uploading {request.Prefix} to {location.Bucket}/{location.KeyPrefix}", null, null, id: 1);
            var sender = new PartSender(store, location, target.Acl, transfer, journal);
            BundleInfo? bundle = null;
            UploadingPartSink? sink = null;
            using var buffers = new PendingPartBuffers(request.MaxPendingParts, checked((int)request.Bundle.PartSize));
            try
            {
                bundle = await BundleCreator.CreateAsync(request.Bundle, directory => sink = new UploadingPartSink(directory, sender, buffers, request.KeepBundle), progress, ct)
                    .ConfigureAwait(false);
                long manifestBytes = await BundleUploader.SendManifestAsync(store, location, bundle.ManifestPath, target.Acl, journal, ct).ConfigureAwait(false);
                return new BundleUpload(location, bundle.Prefix, bundle.ImageType, bundle.Architecture, bundle.Parts.Count, sender.Sent, 0, sender.BytesSent + manifestBytes);
            }
            finally
            {
                sink?.Dispose();
                if (bundle != null && !request.KeepBundle)
                {
                    RemoveLocalBundle(bundle, request.Bundle.Destination == null);
                }
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
