using System;
using System.IO;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// A read-only wrapper that turns whatever a decompressor throws on bad input (InvalidDataException from gzip,
    /// SharpCompress' own format exceptions, index errors on truncated blocks) into one CatalogArchiveCorrupt error.
    /// Only reads are guarded, so disk failures on the writing side keep their own error.
    /// </summary>
    internal sealed class CorruptionGuardStream : Stream
    {
        private readonly Stream _inner;
        private readonly string _what;

        public CorruptionGuardStream(Stream inner, string what)
        {
            _inner = inner;
            _what = what;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return _inner.Read(buffer, offset, count);
            }
            catch (Exception e) when (!(e is OperationCanceledException || e is EucaException || e is OutOfMemoryException))
            {
                throw new EucaException(ErrorIds.CatalogArchiveCorrupt, EucaErrorCategory.InvalidData,
                    $"{_what} is corrupt or truncated: {e.Message}", _what, e);
            }
        }

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
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
