using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>What Save-EucaBundle downloads: a stored bundle, the folder for it, and how many parts at once.</summary>
    public sealed class BundleSaveRequest
    {
        /// <param name="manifestLocation">Where the manifest is stored: bucket/[prefix/]name.manifest.xml.</param>
        /// <param name="destination">The folder for the parts and manifest; created if missing.</param>
        /// <param name="throttleLimit">How many parts to download at once.</param>
        /// <param name="retry">How failed requests are retried; by default the standard <see cref="RetryPolicy"/>.</param>
        public BundleSaveRequest(string manifestLocation, string destination, int throttleLimit = BundleUploadTarget.DefaultThrottleLimit, RetryPolicy? retry = null)
        {
            Location = ManifestLocation.Parse(manifestLocation);
            Destination = StorageRequestChecks.RequiredText(destination, ErrorIds.DestinationMissing, "The destination folder");
            ThrottleLimit = StorageRequestChecks.ThrottleLimit(throttleLimit);
            Retry = retry ?? new RetryPolicy();
        }

        public ManifestLocation Location { get; }

        public string Destination { get; }

        public int ThrottleLimit { get; }

        public RetryPolicy Retry { get; }

        /// <summary>
        /// Keeps the parts verified before a failure (and reuses verified parts already in the destination) instead of
        /// removing everything the download wrote.
        /// </summary>
        public bool Resume { get; set; }

        /// <summary>The certificate of the user who signed the manifest; when set, a manifest that does not verify is refused.</summary>
        public X509Certificate2? Signer { get; set; }
    }
}
