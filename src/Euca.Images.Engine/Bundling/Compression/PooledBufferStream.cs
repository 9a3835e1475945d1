using System;
using System.Buffers;
using System.IO;

namespace Euca.Images.Engine.Bundling.Compression
{
    /// <summary>
    /// A write-only stream into a growing buffer rented from the shared pool, so the compressors' output does not
    /// allocate per block. <see cref="Buffer"/> can be handed over; the taker returns it to the pool.
    /// </summary>
    internal sealed class PooledBufferStream : Stream
    {
        private byte[] buffer;
        private int length;

        public PooledBufferStream(int initialCapacity)
        {
            buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
        }

        public int WrittenLength => length;

        public byte[] Buffer => buffer;

        public override void Write(byte[] source, int offset, int count)
        {
            if (length + count > buffer.Length)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(length + count, buffer.Length * 2));
                System.Buffer.BlockCopy(buffer, 0, larger, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            System.Buffer.BlockCopy(source, offset, buffer, length, count);
            length += count;
        }

        /// <summary>Forgets the written bytes but keeps the buffer (for the serial compressor's drain loop).</summary>
        public void Reset() => length = 0;

        public void ReturnBuffer()
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = Array.Empty<byte>();
            length = 0;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
