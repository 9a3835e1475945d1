namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>What the manifest promises about the image; null values are not checked.</summary>
    public sealed class PayloadExpectation
    {
        public PayloadExpectation(string? imageDigestSha1, long? imageSize, long? bundledSize = null)
        {
            ImageDigestSha1 = imageDigestSha1;
            ImageSize = imageSize;
            BundledSize = bundledSize;
        }

        /// <summary>SHA-1 of the tar stream (the manifest's image digest), hex.</summary>
        public string? ImageDigestSha1 { get; }

        public long? ImageSize { get; }

        /// <summary>The manifest's bundled_size: the parts together may not hold more bytes than this.</summary>
        public long? BundledSize { get; }

        /// <summary>
        /// The most tar bytes an image of <see cref="ImageSize"/> can take: the data, its headers, padding and end
        /// blocks, and room for extended headers and sparse maps. Inflating stops there, so a small part that
        /// inflates to gigabytes costs no more than the image the manifest declares.
        /// </summary>
        public long MaxTarBytes => ImageSize is long size ? size + TarAllowance + size / 256 : long.MaxValue;

        private const long TarAllowance = 16L * 1024 * 1024;
    }
}
