using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>What <see cref="BundleCreator"/> needs to bundle one image file.</summary>
    public sealed class BundleCreateRequest
    {
        public BundleCreateRequest(string imagePath, BundleImageProperties properties, X509Certificate2 cloudCertificate)
        {
            ImagePath = imagePath;
            Properties = properties;
            CloudCertificate = cloudCertificate;
        }

        public string ImagePath { get; }

        /// <summary>Architecture, account, image type, kernel and ramdisk ids, mappings, product codes. The image name is the prefix.</summary>
        public BundleImageProperties Properties { get; }

        /// <summary>The cloud's image-bundling certificate; the cloud decrypts the bundle with its key.</summary>
        public X509Certificate2 CloudCertificate { get; }

        /// <summary>The user's certificate; without it the user cannot unbundle the image later.</summary>
        public X509Certificate2? UserCertificate { get; set; }

        /// <summary>Signs the manifest; without it the manifest says UNSIGNED, which a cloud will not register.</summary>
        public RSA? SigningKey { get; set; }

        /// <summary>Where the parts and manifest go; null makes a new folder in the temporary directory for large files.</summary>
        public string? Destination { get; set; }

        /// <summary>The bundle name; null takes the image's file name.</summary>
        public string? Prefix { get; set; }

        public long PartSize { get; set; } = PayloadWriteOptions.DefaultPartSize;

        /// <summary>A fixed key and IV (euca2ools' --enc-key/--enc-iv) for reproducible bundles; null generates fresh ones.</summary>
        public BundleKeyMaterial? Keys { get; set; }

        /// <summary>Replace a bundle of the same prefix already in the destination.</summary>
        public bool Force { get; set; }
    }
}
