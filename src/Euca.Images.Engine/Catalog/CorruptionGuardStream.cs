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
    internal sealed class CorruptionGuardStream : ForwardReadStream
    {
        private readonly Stream _inner;
        private readonly string _what;

        public CorruptionGuardStream(Stream inner, string what)
            : base(inner)
        {
            _inner = inner;
            _what = what;
        }

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
    }
}
