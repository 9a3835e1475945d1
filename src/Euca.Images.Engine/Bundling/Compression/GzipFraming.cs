using System;

namespace Euca.Images.Engine.Bundling.Compression
{
    /// <summary>
    /// The RFC 1952 envelope around the joined deflate blocks. The header matches what <c>gzip -c</c> writes when
    /// reading a pipe, as euca2ools does: no file name, mtime 0, OS 3 (Unix).
    /// </summary>
    internal static class GzipFraming
    {
        public static readonly byte[] Header = { 0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03 };

        /// <summary>
        /// A final, empty fixed-Huffman deflate block (BFINAL=1, BTYPE=01, end-of-block code): after the last
        /// sync-flushed block it closes the deflate stream on a byte boundary, as pigz does.
        /// </summary>
        public static readonly byte[] FinalEmptyBlock = { 0x03, 0x00 };

        public static byte[] Trailer(uint crc32, long uncompressedLength)
        {
            var trailer = new byte[8];
            WriteUInt32LittleEndian(trailer, 0, crc32);
            WriteUInt32LittleEndian(trailer, 4, unchecked((uint)uncompressedLength)); // ISIZE is the length mod 2^32
            return trailer;
        }

        private static void WriteUInt32LittleEndian(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }
    }
}
