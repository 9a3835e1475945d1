using Euca.Images.Engine.Bundling.Manifest;

namespace Euca.Images.Engine.Storage
{
    /// <summary>A bundle stored in object storage. <see cref="ManifestLocation"/> is what image registration takes.</summary>
    public sealed class BundleUpload
    {
        public BundleUpload(ManifestLocation location, BundleManifest manifest, int partsUploaded, int partsSkipped, long bytesUploaded)
            : this(location, manifest.ImageName, manifest.ImageType, manifest.Architecture, manifest.Parts.Count, partsUploaded, partsSkipped, bytesUploaded)
        {
        }

        public BundleUpload(ManifestLocation location, string prefix, BundleImageType imageType, string? architecture, int partCount,
            int partsUploaded, int partsSkipped, long bytesUploaded)
        {
            Bucket = location.Bucket;
            KeyPrefix = location.KeyPrefix;
            ManifestKey = location.Key;
            ManifestLocation = location.ToString();
            Prefix = prefix;
            ImageType = imageType;
            Architecture = architecture ?? string.Empty;
            PartCount = partCount;
            PartsUploaded = partsUploaded;
            PartsSkipped = partsSkipped;
            BytesUploaded = bytesUploaded;
        }

        public string Bucket { get; }

        /// <summary>The folder part of the keys: empty or ending in a slash.</summary>
        public string KeyPrefix { get; }

        public string ManifestKey { get; }

        /// <summary><c>bucket/prefix/name.manifest.xml</c>, the ImageLocation of RegisterImage.</summary>
        public string ManifestLocation { get; }

        /// <summary>The bundle's name (the image name in the manifest).</summary>
        public string Prefix { get; }

        public BundleImageType ImageType { get; }

        public string Architecture { get; }

        public int PartCount { get; }

        public int PartsUploaded { get; }

        /// <summary>Parts found already stored with the same size and MD5 (-Resume) and not sent again.</summary>
        public int PartsSkipped { get; }

        /// <summary>Bytes sent, parts and manifest.</summary>
        public long BytesUploaded { get; }
    }
}
