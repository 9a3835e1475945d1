using System.IO;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// What New-EucaBundle -Bucket and Install-EucaImage do in one pass: bundle an image and store each part as it is
    /// made. The pending parts are held in memory, so their number and size are checked here, before anything is read
    /// or stored.
    /// </summary>
    public sealed class BundleCreateAndSendRequest
    {
        /// <summary>The most memory the pending parts may take (parts times part size).</summary>
        public const long MaxPendingBytes = 512L * 1024 * 1024;

        /// <param name="bundle">The image and how to bundle it.</param>
        /// <param name="target">The bucket, key prefix and ACL.</param>
        /// <param name="maxPendingParts">Parts held in memory at once, the one being bundled included.</param>
        /// <param name="keepBundle">Also write the parts to the bundle's folder and keep them there.</param>
        public BundleCreateAndSendRequest(BundleCreateRequest bundle, BundleUploadTarget target,
            int maxPendingParts = BundleStreamUploader.DefaultMaxPendingParts, bool keepBundle = false)
        {
            Bundle = StorageRequestChecks.Required(bundle, ErrorIds.BundleRequestMissing, "The image to bundle");
            Target = StorageRequestChecks.Required(target, ErrorIds.StorageTargetMissing, "The upload target (bucket)").Checked();
            CheckPendingMemory(maxPendingParts, bundle.PartSize);
            Prefix = bundle.Prefix ?? Path.GetFileName(bundle.ImagePath);
            BundleNames.CheckPrefix(Prefix);
            Location = ManifestLocation.Create(target.Bucket, target.KeyPrefix ?? string.Empty, Prefix);
            MaxPendingParts = maxPendingParts;
            KeepBundle = keepBundle;
        }

        public BundleCreateRequest Bundle { get; }

        public BundleUploadTarget Target { get; }

        public int MaxPendingParts { get; }

        public bool KeepBundle { get; }

        /// <summary>The bundle's name: the request's prefix, or the image's file name.</summary>
        public string Prefix { get; }

        /// <summary>Where the manifest will be stored.</summary>
        public ManifestLocation Location { get; }

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
    }
}
