using System;
using System.IO;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// The shape every stream of the unpacking pipeline has: read once, front to back, no seeking, no writing. A
    /// derived stream supplies Read; the inner stream (if any) is disposed with it.
    /// </summary>
    internal abstract class ForwardReadStream : Stream
    {
        private readonly Stream? _inner;

        protected ForwardReadStream(Stream? inner) => _inner = inner;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
