using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace Euca.Images.Engine.DiskImages.Writers
{
    /// <summary>
    /// Compresses one VMDK grain as a zlib stream (RFC 1950: a 2-byte header, deflate, an Adler-32 trailer), which is
    /// what VMware and qemu write into stream-optimized files although VMware's note only says "deflate".
    /// netstandard2.0 has only the raw deflate stream, so the framing is added here. One buffer is reused.
    /// </summary>
    internal sealed class ZlibGrain
    {
        private readonly MemoryStream _output = new MemoryStream();

        /// <summary>The compressed grain, valid until the next call: bytes 0 to <see cref="Length"/> of <see cref="Buffer"/>.</summary>
        public byte[] Buffer => _output.GetBuffer();

        public int Length => (int)_output.Length;

        public void Compress(byte[] data, int offset, int count)
        {
            _output.SetLength(0);
            // CMF 0x78 (deflate, 32 KiB window), FLG 0x9C (default level; check bits make CMF*256+FLG divisible by 31).
            _output.WriteByte(0x78);
            _output.WriteByte(0x9C);
            using (var deflate = new DeflateStream(_output, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(data, offset, count);
            }

            var trailer = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(trailer, Adler32(data, offset, count));
            _output.Write(trailer, 0, 4);
        }

        private static uint Adler32(byte[] data, int offset, int count)
        {
            const uint Modulus = 65521;
            uint a = 1, b = 0;
            int end = offset + count;
            while (offset < end)
            {
                // 5552 bytes is the longest run whose sums cannot overflow 32 bits before the modulo (zlib's NMAX).
                int run = System.Math.Min(5552, end - offset);
                for (int i = 0; i < run; i++)
                {
                    a += data[offset + i];
                    b += a;
                }

                a %= Modulus;
                b %= Modulus;
                offset += run;
            }

            return (b << 16) | a;
        }
    }
}
