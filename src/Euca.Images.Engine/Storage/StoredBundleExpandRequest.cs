using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>What Expand-EucaBundle -ManifestLocation unbundles: a stored bundle, the key to open it, and where to write the image.</summary>
    public sealed class StoredBundleExpandRequest
    {
        /// <param name="manifestLocation">Where the manifest is stored: bucket/[prefix/]name.manifest.xml.</param>
        /// <param name="destination">The folder for the image file.</param>
        /// <param name="privateKey">The user's or the cloud's private key, which unwraps the bundle's key.</param>
        /// <param name="force">Replace an image file already at the destination.</param>
        /// <param name="retry">How failed requests are retried; by default the standard <see cref="RetryPolicy"/>.</param>
        public StoredBundleExpandRequest(string manifestLocation, string destination, RSA privateKey, bool force = false, RetryPolicy? retry = null)
        {
            Location = ManifestLocation.Parse(manifestLocation);
            Destination = StorageRequestChecks.RequiredText(destination, ErrorIds.DestinationMissing, "The destination folder");
            PrivateKey = StorageRequestChecks.Required(privateKey, ErrorIds.PrivateKeyMissing, "The private key to unbundle with");
            Force = force;
            Retry = retry ?? new RetryPolicy();
        }

        public ManifestLocation Location { get; }

        public string Destination { get; }

        public RSA PrivateKey { get; }

        public bool Force { get; }

        public RetryPolicy Retry { get; }

        /// <summary>The certificate of the user who signed the manifest; when set, a manifest that does not verify is refused.</summary>
        public X509Certificate2? Signer { get; set; }
    }
}
