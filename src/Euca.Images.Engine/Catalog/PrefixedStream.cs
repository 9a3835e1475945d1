using System;
using System.IO;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// A stream's first bytes, read ahead to tell what it holds, put back in front of the rest: decompressed streams
    /// cannot seek back.
    /// </summary>
    internal sealed class PrefixedStream : ForwardReadStream
    {
        private readonly byte[] _head;
        private readonly int _headCount;
        private readonly Stream _rest;
        private int _served;

        private PrefixedStream(byte[] head, int headCount, Stream rest)
            : base(rest)
        {
            _head = head;
            _headCount = headCount;
            _rest = rest;
        }

        /// <summary>Reads up to <see cref="PackedContent.HeadLength"/> bytes and tells what the stream holds.</summary>
        public static PrefixedStream Peek(Stream source, out PackedKind kind)
        {
            var head = new byte[PackedContent.HeadLength];
            int count = 0;
            int n;
            while (count < head.Length && (n = source.Read(head, count, head.Length - count)) > 0)
            {
                count += n;
            }

            kind = PackedContent.Detect(head, count);
            return new PrefixedStream(head, count, source);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_served < _headCount)
            {
                int n = Math.Min(count, _headCount - _served);
                Buffer.BlockCopy(_head, _served, buffer, offset, n);
                _served += n;
                return n;
            }

            return _rest.Read(buffer, offset, count);
        }
    }
}
