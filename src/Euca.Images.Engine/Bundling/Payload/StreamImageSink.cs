using System;
using Euca.Images.Engine.Bundling.Tar;
using Euca.Images.Engine.DiskImages;
using System.IO;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Writes the extracted image to a stream, or only counts it (verify-only). When the stream is a seekable
    /// file positioned at its end, holes and runs of zero blocks are skipped with a seek instead of written, so
    /// the output is sparse; the length is set at the end. Elsewhere zeros are written.
    /// </summary>
    internal sealed class StreamImageSink : IImageSink
    {
        private const int HoleGranularity = 4096;
        private static readonly byte[] Zeros = new byte[1 << 16];
        private readonly Stream? output;
        private readonly bool sparse;
        private readonly long start;

        public StreamImageSink(Stream? output)
        {
            this.output = output;
            sparse = output is FileStream file && file.CanSeek && file.Position == file.Length;
            start = sparse ? output!.Position : 0;
        }

        public long Position { get; private set; }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (output != null && sparse)
            {
                WriteSkippingZeroRuns(buffer, offset, count);
            }
            else
            {
                output?.Write(buffer, offset, count);
            }
            Position += count;
        }

        public void SkipZeros(long count)
        {
            if (output != null && !sparse)
            {
                for (long left = count; left > 0;)
                {
                    int n = (int)Math.Min(left, Zeros.Length);
                    output.Write(Zeros, 0, n);
                    left -= n;
                }
            }
            Position += count;
        }

        public void Complete(long length)
        {
            SkipZeros(length - Position);
            if (output != null && sparse)
            {
                output.SetLength(start + length);
                output.Position = start + length;
            }
            output?.Flush();
        }

        private void WriteSkippingZeroRuns(byte[] buffer, int offset, int count)
        {
            long filePosition = start + Position;
            if (output!.Position != filePosition)
            {
                output.Position = filePosition;
            }
            int end = offset + count;
            int runStart = offset;
            bool runIsZero = false;
            for (int at = offset; at < end; at += HoleGranularity)
            {
                int n = Math.Min(HoleGranularity, end - at);
                bool zero = n == HoleGranularity && ZeroBlock.IsAllZero(buffer, at, n);
                if (at == offset)
                {
                    runIsZero = zero;
                }
                else if (zero != runIsZero)
                {
                    Emit(buffer, runStart, at - runStart, runIsZero);
                    runStart = at;
                    runIsZero = zero;
                }
            }
            Emit(buffer, runStart, end - runStart, runIsZero);
        }

        private void Emit(byte[] buffer, int offset, int count, bool zero)
        {
            if (zero)
            {
                output!.Seek(count, SeekOrigin.Current);
            }
            else
            {
                output!.Write(buffer, offset, count);
            }
        }
    }
}
