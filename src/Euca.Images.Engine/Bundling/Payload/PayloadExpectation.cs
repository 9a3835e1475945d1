namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>What the manifest promises about the image; null values are not checked.</summary>
    public sealed class PayloadExpectation
    {
        public PayloadExpectation(string? imageDigestSha1, long? imageSize)
        {
            ImageDigestSha1 = imageDigestSha1;
            ImageSize = imageSize;
        }

        /// <summary>SHA-1 of the tar stream (the manifest's image digest), hex.</summary>
        public string? ImageDigestSha1 { get; }

        public long? ImageSize { get; }
    }
}
