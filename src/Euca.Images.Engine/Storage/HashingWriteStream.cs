using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Storage
{
    /// <summary>Writes through to another stream (a part buffer) while computing the MD5 an upload's ETag will be checked against.</summary>
    internal sealed class HashingWriteStream : Stream
    {
        private readonly Stream _inner;
        private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

        public HashingWriteStream(Stream inner)
        {
            _inner = inner;
        }

        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        /// <summary>The MD5 of everything written, lower-case hex; call once, after the last write.</summary>
        public string FinishMd5() => HexEncoding.ToLowerHex(_md5.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
            _md5.AppendData(buffer, offset, count);
            Written += count;
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await _inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            _md5.AppendData(buffer, offset, count);
            Written += count;
        }

        public override void Flush() => _inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                _md5.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
