using System;
using System.IO;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>The raw disk of a <see cref="DiskImage"/> as a read-only, seekable stream, for code that consumes streams.</summary>
    internal sealed class DiskImageStream : Stream
    {
        private readonly DiskImage _disk;
        private long _position;

        public DiskImageStream(DiskImage disk)
        {
            _disk = disk;
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _disk.VirtualSize;

        public override long Position
        {
            get => _position;
            set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Max(0, Math.Min(count, Length - _position));
            if (n > 0)
            {
                _disk.ReadAt(_position, buffer, offset, n);
                _position += n;
            }

            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => Length + offset,
            };
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
