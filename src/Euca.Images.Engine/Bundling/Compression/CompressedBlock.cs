using System.Buffers;

namespace Euca.Images.Engine.Bundling.Compression
{
    /// <summary>
    /// One block of the tar stream deflated on its own and ended on a byte boundary (sync flush), with the CRC-32
    /// and length of the bytes it came from.
    /// </summary>
    internal sealed class CompressedBlock
    {
        public CompressedBlock(byte[] data, int length, uint crc32, int uncompressedLength, bool pooled)
        {
            Data = data;
            Length = length;
            Crc32 = crc32;
            UncompressedLength = uncompressedLength;
            Pooled = pooled;
        }

        public byte[] Data { get; }

        public int Length { get; }

        public uint Crc32 { get; }

        public int UncompressedLength { get; }

        /// <summary>False for the shared zero-block result, which is reused and never returned to the pool.</summary>
        public bool Pooled { get; }

        public void Release()
        {
            if (Pooled)
            {
                ArrayPool<byte>.Shared.Return(Data);
            }
        }
    }
}
