using System;
using System.IO;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// A forward-only stream whose Position is the number of bytes read: SharpCompress' xz reader reads Position to
    /// align its blocks, which a network download, a tar entry or a decompressed stream cannot otherwise give.
    /// </summary>
    internal sealed class ReadCountingStream : ForwardReadStream
    {
        private readonly Stream _inner;
        private long _read;

        public ReadCountingStream(Stream inner)
            : base(inner) => _inner = inner;

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, count);
            _read += n;
            return n;
        }
    }
}
