using System;
using System.IO;
using System.IO.Compression;
using System.IO.Hashing;

namespace Euca.Images.Engine.Bundling.Compression
{
    /// <summary>
    /// Deflates independent blocks that can be joined into one deflate stream (pigz's method): each block starts
    /// with an empty dictionary and ends with a sync flush (an empty stored block, 00 00 ff ff), so it ends on a
    /// byte boundary and never has BFINAL set.
    /// </summary>
    internal static class DeflateBlockCompressor
    {
        private static readonly Lazy<bool> SyncFlushWorks = new Lazy<bool>(ProbeSyncFlush);

        /// <summary>
        /// Whether <see cref="DeflateStream.Flush"/> really performs a zlib sync flush on this runtime. It does on
        /// .NET Core 3.0 and later; on .NET Framework it writes nothing, and blocks cannot be cut that way.
        /// </summary>
        public static bool SupportsIndependentBlocks => SyncFlushWorks.Value;

        public static CompressedBlock Compress(byte[] data, int count, CompressionLevel level)
        {
            var crc = new Crc32();
            crc.Append(new ReadOnlySpan<byte>(data, 0, count));
            var output = new PooledBufferStream(count / 2 + 4096);
            int length;
            using (var deflate = new DeflateStream(output, level, leaveOpen: true))
            {
                deflate.Write(data, 0, count);
                deflate.Flush();
                length = output.WrittenLength;
                // Disposing appends the final block; those bytes are past 'length' and are not used.
            }
            return new CompressedBlock(output.Buffer, length, crc.GetCurrentHashAsUInt32(), count, pooled: true);
        }

        private static bool ProbeSyncFlush()
        {
            byte[] sample = { (byte)'s', (byte)'y', (byte)'n', (byte)'c' };
            var output = new MemoryStream();
            using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(sample, 0, sample.Length);
                deflate.Flush();
                byte[] flushed = output.ToArray();
                int n = flushed.Length;
                return n > 4 && flushed[n - 4] == 0x00 && flushed[n - 3] == 0x00 && flushed[n - 2] == 0xff && flushed[n - 1] == 0xff;
            }
        }
    }
}
