using System;
using System.IO;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Passes decrypted bytes to the decompressor, but first checks that they start with the gzip magic number.
    /// A wrong key or IV garbles the first block, so this tells "cannot decrypt" apart from "corrupt gzip",
    /// which a bad padding check alone would only reveal at the very end.
    /// </summary>
    internal sealed class GzipMagicCheckStream : Stream
    {
        private readonly Stream inner;
        private long checkedBytes;

        public GzipMagicCheckStream(Stream inner)
        {
            this.inner = inner;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            for (int i = 0; i < n && checkedBytes < 2; i++, checkedBytes++)
            {
                byte expected = checkedBytes == 0 ? (byte)0x1f : (byte)0x8b;
                if (buffer[offset + i] != expected)
                {
                    throw new PayloadDecryptException("The decrypted payload does not start like a gzip stream: the key or IV is wrong, or the first part is corrupt.");
                }
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    internal sealed class PayloadDecryptException : Exception
    {
        public PayloadDecryptException(string message, Exception? inner = null) : base(message, inner)
        {
        }
    }
}
