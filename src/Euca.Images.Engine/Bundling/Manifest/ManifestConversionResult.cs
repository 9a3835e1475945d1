using System.Security.Cryptography.X509Certificates;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>What Convert-EucaBundleManifest wrote: where from, where to, and for which cloud certificate.</summary>
    public sealed class ManifestConversionResult
    {
        public ManifestConversionResult(string source, string destination, BundleManifest manifest, X509Certificate2 cloudCertificate)
        {
            Source = source;
            Destination = destination;
            Manifest = manifest;
            CloudCertificateSubject = cloudCertificate.Subject;
            CloudCertificateThumbprint = cloudCertificate.Thumbprint;
        }

        /// <summary>The original manifest's path, or its bucket/key.</summary>
        public string Source { get; }

        /// <summary>The converted manifest's path, or its bucket/key.</summary>
        public string Destination { get; }

        public BundleManifest Manifest { get; }

        public string ImageName => Manifest.ImageName;

        public string? KernelId => Manifest.KernelId;

        public string? RamdiskId => Manifest.RamdiskId;

        public int PartCount => Manifest.Parts.Count;

        /// <summary>The subject of the certificate the cloud copy of the key is now wrapped for.</summary>
        public string CloudCertificateSubject { get; }

        public string CloudCertificateThumbprint { get; }
    }
}
