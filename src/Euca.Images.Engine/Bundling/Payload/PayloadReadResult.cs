namespace Euca.Images.Engine.Bundling.Payload
{
    public sealed class PayloadReadResult
    {
        public PayloadReadResult(string imageDigestSha1, long imageSize, long bundledSize)
        {
            ImageDigestSha1 = imageDigestSha1;
            ImageSize = imageSize;
            BundledSize = bundledSize;
        }

        /// <summary>SHA-1 of the decrypted, decompressed tar stream, lower-case hex.</summary>
        public string ImageDigestSha1 { get; }

        public long ImageSize { get; }

        /// <summary>Total bytes of all parts.</summary>
        public long BundledSize { get; }
    }
}
