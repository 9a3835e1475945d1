using System;
using System.IO;
using System.IO.Compression;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>What a file or stream holds, told by its first bytes (never by its name, which catalogs get wrong).</summary>
    internal enum PackedKind
    {
        /// <summary>Anything else: a disk image (raw, qcow2, vmdk, ...), left to DiskImages.</summary>
        Disk,
        Gzip,
        Xz,
        Bzip2,
        Tar,
    }

    internal static class PackedContent
    {
        /// <summary>Enough for every magic number, tar's "ustar" at offset 257 included.</summary>
        public const int HeadLength = 512;

        private static readonly byte[] s_xz = { 0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00 };

        public static PackedKind Detect(byte[] head, int count)
        {
            var bytes = new ReadOnlySpan<byte>(head, 0, count);
            if (bytes.Length >= 3 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 0x08)
            {
                return PackedKind.Gzip;
            }

            if (bytes.Length >= s_xz.Length && bytes.Slice(0, s_xz.Length).SequenceEqual(s_xz))
            {
                return PackedKind.Xz;
            }

            // "BZh" and a block size digit 1-9.
            if (bytes.Length >= 4 && bytes[0] == (byte)'B' && bytes[1] == (byte)'Z' && bytes[2] == (byte)'h' && bytes[3] >= (byte)'1' && bytes[3] <= (byte)'9')
            {
                return PackedKind.Bzip2;
            }

            // POSIX "ustar\0" and GNU "ustar  " both start with these five bytes.
            if (bytes.Length >= 262 && bytes.Slice(257, 5).SequenceEqual(new[] { (byte)'u', (byte)'s', (byte)'t', (byte)'a', (byte)'r' }))
            {
                return PackedKind.Tar;
            }

            return PackedKind.Disk;
        }

        /// <summary>The decompressed bytes of a gzip, xz or bzip2 stream; corrupt input surfaces as CatalogArchiveCorrupt.</summary>
        public static Stream Decompress(PackedKind kind, Stream compressed, string what)
        {
            Stream plain = kind switch
            {
                PackedKind.Gzip => new GZipStream(compressed, System.IO.Compression.CompressionMode.Decompress),
                PackedKind.Xz => new XZStream(new ReadCountingStream(compressed)),
                PackedKind.Bzip2 => BZip2Stream.Create(compressed, SharpCompress.Compressors.CompressionMode.Decompress,
                    decompressConcatenated: true, leaveOpen: false, tolerateTruncatedStream: false),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a compression."),
            };
            return new CorruptionGuardStream(plain, what + " (" + kind.ToString().ToLowerInvariant() + ")");
        }
    }
}
