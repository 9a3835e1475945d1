using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Workflows.ImageCopy
{
    /// <summary>What <see cref="ImageCopier"/> copies, where to, and with which keys.</summary>
    public sealed class ImageCopyRequest
    {
        /// <param name="sourceImageId">The image at the source cloud.</param>
        /// <param name="target">The destination bucket (created if missing), folder, ACL and parallelism.</param>
        /// <param name="privateKey">The user's private key: it verifies and opens the source manifest and signs the copy.</param>
        /// <param name="destinationCloudCertificate">The destination cloud's image-bundling certificate.</param>
        public ImageCopyRequest(string sourceImageId, BundleUploadTarget target, RSA privateKey, X509Certificate2 destinationCloudCertificate)
        {
            SourceImageId = sourceImageId ?? throw new ArgumentNullException(nameof(sourceImageId));
            Target = target ?? throw new ArgumentNullException(nameof(target));
            PrivateKey = privateKey ?? throw new ArgumentNullException(nameof(privateKey));
            DestinationCloudCertificate = destinationCloudCertificate ?? throw new ArgumentNullException(nameof(destinationCloudCertificate));
        }

        public string SourceImageId { get; }

        public BundleUploadTarget Target { get; }

        public RSA PrivateKey { get; }

        /// <summary>How errors name the private key (its file).</summary>
        public string PrivateKeyName { get; set; } = "the private key";

        public X509Certificate2 DestinationCloudCertificate { get; }

        /// <summary>Wrap the user's copy of the bundle key for this certificate instead of keeping the source's.</summary>
        public X509Certificate2? UserCertificate { get; set; }

        /// <summary>The copy's name; null keeps the source image's.</summary>
        public string? Name { get; set; }

        /// <summary>The copy's description; null keeps the source image's.</summary>
        public string? Description { get; set; }

        /// <summary>The kernel at the destination for a paravirtual image; null finds it by the source kernel's name or Name tag.</summary>
        public string? KernelId { get; set; }

        /// <summary>The ramdisk at the destination; null finds it by the source ramdisk's name or Name tag.</summary>
        public string? RamdiskId { get; set; }

        /// <summary>Tags for the copy, added right after it is registered (a failure to tag rolls the registration back).</summary>
        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Keep the parts an earlier, interrupted copy stored at the destination when they verify.</summary>
        public bool Resume { get; set; }

        /// <summary>The command that finishes an interrupted copy (the cmdlet's own command line with -Resume).</summary>
        public string? ResumeCommand { get; set; }
    }
}
