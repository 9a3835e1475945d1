using System;
using System.IO.Compression;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>How <see cref="PayloadWriter"/> turns an image into encrypted parts.</summary>
    public sealed class PayloadWriteOptions
    {
        /// <summary>euca2ools' and ec2-ami-tools' default part size (10 MiB).</summary>
        public const long DefaultPartSize = 10485760;

        public const long MinimumPartSize = 1024;

        public PayloadWriteOptions(string memberName, byte[] key, byte[] iv)
        {
            MemberName = memberName ?? throw new ArgumentNullException(nameof(memberName));
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Iv = iv ?? throw new ArgumentNullException(nameof(iv));
            PartNamePrefix = memberName;
        }

        /// <summary>The tar member's name: the bundle prefix (also the image name in the manifest).</summary>
        public string MemberName { get; }

        /// <summary>Parts are named <c>&lt;PartNamePrefix&gt;.part.NN</c>; defaults to <see cref="MemberName"/>.</summary>
        public string PartNamePrefix { get; set; }

        public long PartSize { get; set; } = DefaultPartSize;

        /// <summary>Raw 16-byte AES-128 key.</summary>
        public byte[] Key { get; }

        /// <summary>Raw 16-byte CBC initialisation vector.</summary>
        public byte[] Iv { get; }

        /// <summary><see cref="System.IO.Compression.CompressionLevel.Optimal"/> is zlib level 6, gzip's default.</summary>
        public CompressionLevel CompressionLevel { get; set; } = CompressionLevel.Optimal;

        public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

        /// <summary>Reuse one compressed zero block for every all-zero block (off only to test that it changes nothing).</summary>
        internal bool ReuseZeroBlocks { get; set; } = true;
    }
}
