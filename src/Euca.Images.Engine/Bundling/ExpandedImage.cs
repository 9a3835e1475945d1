using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>An image file recreated from a bundle.</summary>
    public sealed class ExpandedImage
    {
        public ExpandedImage(string path, long size, string imageDigest, BundleKeyCopy keySource, string manifestPath)
        {
            Path = path;
            Size = size;
            ImageDigest = imageDigest;
            KeySource = keySource;
            ManifestPath = manifestPath;
        }

        public string Path { get; }

        public long Size { get; }

        public string ImageDigest { get; }

        /// <summary>Which wrapped copy of the bundle key the private key opened: the user's or the cloud's.</summary>
        public BundleKeyCopy KeySource { get; }

        public string ManifestPath { get; }
    }
}
