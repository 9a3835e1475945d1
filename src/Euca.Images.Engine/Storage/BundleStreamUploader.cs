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
    /// Bundles and uploads in one pass (euca-bundle-and-upload-image): parts are uploaded while later parts are
    /// still being bundled, with at most a few on disk at once, and the manifest goes last. Unless the bundle is
    /// kept, every local file is removed once stored.
    /// </summary>
    public static class BundleStreamUploader
    {
        /// <summary>Parts on disk at once by default (euca2ools' --max-pending-parts).</summary>
        public const int DefaultMaxPartsOnDisk = 2;

        public static async Task<BundleUpload> CreateAndSendAsync(CloudConnection connection, BundleCreateRequest request, BundleUploadTarget target,
            int maxPartsOnDisk, bool keepBundle, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (target == null) throw new ArgumentNullException(nameof(target));
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
            try
            {
                bundle = await BundleCreator.CreateAsync(request, directory => new UploadingPartSink(directory, sender, maxPartsOnDisk, keepBundle), progress, ct)
                    .ConfigureAwait(false);
                long manifestBytes = await BundleUploader.SendManifestAsync(store, location, bundle.ManifestPath, acl, journal, ct).ConfigureAwait(false);
                return new BundleUpload(location, bundle.Prefix, bundle.ImageType, bundle.Architecture, bundle.Parts.Count, sender.Sent, 0, sender.BytesSent + manifestBytes);
            }
            finally
            {
                if (bundle != null && !keepBundle)
                {
                    RemoveLocalBundle(bundle, request.Destination == null);
                }
            }
        }

        private static void RemoveLocalBundle(BundleInfo bundle, bool temporaryDirectory)
        {
            File.Delete(bundle.ManifestPath);
            foreach (BundlePartInfo part in bundle.Parts)
            {
                File.Delete(part.Path);
            }

            if (temporaryDirectory && Directory.Exists(bundle.Directory) && !Directory.EnumerateFileSystemEntries(bundle.Directory).Any())
            {
                Directory.Delete(bundle.Directory);
            }
        }
    }
}
