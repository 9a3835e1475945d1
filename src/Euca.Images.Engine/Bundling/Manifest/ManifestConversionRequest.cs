using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// How to re-target a manifest at another cloud (what ec2-migrate-manifest does, with the key re-wrapped): the
    /// user's private key, the other cloud's certificate, and optionally a new user certificate and boot images.
    /// </summary>
    public sealed class ManifestConversionRequest
    {
        /// <param name="privateKey">
        /// The user's private key: its public half verifies the manifest's signature, it unwraps the bundle key from the
        /// user's copy, and it signs the converted manifest.
        /// </param>
        /// <param name="cloudCertificate">The other cloud's image-bundling certificate, which the cloud copy is wrapped for.</param>
        public ManifestConversionRequest(RSA privateKey, X509Certificate2 cloudCertificate)
        {
            PrivateKey = privateKey ?? throw new ArgumentNullException(nameof(privateKey));
            CloudCertificate = cloudCertificate ?? throw new ArgumentNullException(nameof(cloudCertificate));
        }

        public RSA PrivateKey { get; }

        /// <summary>How errors name <see cref="PrivateKey"/>, for example its file.</summary>
        public string PrivateKeyName { get; set; } = "the private key";

        public X509Certificate2 CloudCertificate { get; }

        /// <summary>A certificate to wrap the user copy for instead; null keeps the user copy exactly as it is.</summary>
        public X509Certificate2? UserCertificate { get; set; }

        /// <summary>A kernel (eki-/aki-) the machine image boots at the other cloud; null keeps the manifest's.</summary>
        public string? KernelId { get; set; }

        /// <summary>A ramdisk (eri-/ari-) the machine image boots at the other cloud; null keeps the manifest's.</summary>
        public string? RamdiskId { get; set; }
    }
}
