using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>What Export-EucaImage writes: which image, into which file and format, with the keys to open its bundle.</summary>
    public sealed class ImageExportRequest
    {
        /// <param name="imageId">The instance-store image (emi-, eki- or eri-) whose disk is exported.</param>
        /// <param name="destination">The file to write, a full path.</param>
        /// <param name="format">Raw, Vhdx or Vmdk.</param>
        /// <param name="privateKey">The user's private key, which unwraps the bundle's key (the cloud's works too).</param>
        public ImageExportRequest(string imageId, string destination, DiskFormat format, RSA privateKey)
        {
            ImageId = imageId ?? throw new ArgumentNullException(nameof(imageId));
            Destination = destination ?? throw new ArgumentNullException(nameof(destination));
            Format = format;
            PrivateKey = privateKey ?? throw new ArgumentNullException(nameof(privateKey));
        }

        public string ImageId { get; }

        public string Destination { get; }

        public DiskFormat Format { get; }

        public RSA PrivateKey { get; }

        /// <summary>The certificate of the user who signed the manifest; when set, a manifest that does not verify is refused.</summary>
        public X509Certificate2? Signer { get; set; }

        /// <summary>Replace a file already at the destination.</summary>
        public bool Force { get; set; }

        /// <summary>How failed downloads are retried; by default the standard <see cref="RetryPolicy"/>.</summary>
        public RetryPolicy? Retry { get; set; }
    }
}
