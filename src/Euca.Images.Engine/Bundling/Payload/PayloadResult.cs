using System.Collections.Generic;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>What the manifest needs from a written payload.</summary>
    public sealed class PayloadResult
    {
        public PayloadResult(string imageDigestSha1, long imageSize, long bundledSize, IReadOnlyList<PayloadPart> parts)
        {
            ImageDigestSha1 = imageDigestSha1;
            ImageSize = imageSize;
            BundledSize = bundledSize;
            Parts = parts;
        }

        /// <summary>SHA-1 of the whole uncompressed tar stream, lower-case hex (the manifest's image digest).</summary>
        public string ImageDigestSha1 { get; }

        public long ImageSize { get; }

        /// <summary>Sum of the part sizes (the ciphertext length).</summary>
        public long BundledSize { get; }

        public IReadOnlyList<PayloadPart> Parts { get; }
    }
}
