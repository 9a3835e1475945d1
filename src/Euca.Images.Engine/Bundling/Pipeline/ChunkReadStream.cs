using System;
using System.IO;
using System.Threading;

namespace Euca.Images.Engine.Bundling.Pipeline
{
    /// <summary>
    /// Presents the chunks of a <see cref="BoundedQueue{T}"/> as a read-only stream, so pull-based readers
    /// (CryptoStream, GZipStream, the tar reader) can sit on a thread of their own. An optional tap sees every
    /// byte in order (the SHA-1 of the tar stream).
    /// </summary>
    internal sealed class ChunkReadStream : Stream
    {
        private readonly BoundedQueue<Chunk> queue;
        private readonly CancellationToken ct;
        private readonly Action<byte[], int, int>? tap;
        private Chunk? current;
        private int currentOffset;
        private bool ended;

        public ChunkReadStream(BoundedQueue<Chunk> queue, CancellationToken ct, Action<byte[], int, int>? tap = null)
        {
            this.queue = queue;
            this.ct = ct;
            this.tap = tap;
        }

        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                return 0;
            }
            while (current == null || currentOffset == current.Length)
            {
                current?.Return();
                current = null;
                if (ended)
                {
                    return 0;
                }
                current = queue.Take(ct);
                currentOffset = 0;
                if (current == null)
                {
                    ended = true;
                    return 0;
                }
                tap?.Invoke(current.Buffer, 0, current.Length);
            }
            int n = Math.Min(count, current.Length - currentOffset);
            Buffer.BlockCopy(current.Buffer, currentOffset, buffer, offset, n);
            currentOffset += n;
            BytesRead += n;
            return n;
        }

        /// <summary>Reads to the end (the tar stream's SHA-1 covers everything after the image member too).</summary>
        public void Drain()
        {
            var scratch = new byte[64 * 1024];
            while (Read(scratch, 0, scratch.Length) > 0)
            {
            }
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
