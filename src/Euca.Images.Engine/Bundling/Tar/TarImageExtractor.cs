using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Euca.Images.Engine.Bundling.Tar
{
    /// <summary>
    /// Copies the FIRST member of a tar stream to an <see cref="IImageSink"/>, the way euca-unbundle does (the
    /// member's name is ignored). Understands what bundlers put in front of or into that member: GNU long name
    /// entries ('L', 'K'), PAX headers ('x', 'g'), old GNU sparse members ('S', written by ec2-ami-tools'
    /// <c>tar -S</c>, with extension headers past four regions) and PAX sparse formats 0.0, 0.1 and 1.0.
    /// It stops after the member; the caller drains the rest of the stream.
    /// </summary>
    internal sealed class TarImageExtractor
    {
        private const int MaxMetadataLength = 1 << 20;
        private readonly Stream input;
        private readonly byte[] header = new byte[TarConstants.BlockSize];
        private readonly byte[] copyBuffer;
        private readonly byte[] skipBuffer = new byte[TarConstants.BlockSize]; // never the metadata buffer

        private readonly long maxImageSize;

        /// <param name="maxImageSize">The largest image the member may describe (the manifest's size): a hostile header cannot claim more.</param>
        public TarImageExtractor(Stream input, int copyBufferSize = 1 << 20, long maxImageSize = long.MaxValue)
        {
            this.input = input;
            copyBuffer = new byte[copyBufferSize];
            this.maxImageSize = maxImageSize;
        }

        /// <summary>Extracts the image and returns its length.</summary>
        public long Extract(IImageSink sink)
        {
            PaxHeaders? pax = null;
            while (true)
            {
                if (!TryReadExactly(header, 0, TarConstants.BlockSize))
                {
                    throw new TarFormatException("The tar stream ends before its first member.");
                }
                if (IsZeroBlock(header))
                {
                    throw new TarFormatException("The tar archive holds no member.");
                }
                if (!TarChecksum.Matches(header, TarNumeric.Parse(header, 148, 8, "chksum")))
                {
                    throw new TarFormatException("A tar header checksum is wrong; the stream is not a tar archive or is corrupt.");
                }

                long size = pax?.Size ?? TarNumeric.Parse(header, 124, 12, "size");
                byte type = header[156];
                switch (type)
                {
                    case (byte)'L':
                    case (byte)'K':
                    case (byte)'g':
                        ReadMetadata(size);
                        continue;
                    case (byte)'x':
                        pax = PaxHeaders.Parse(copyBuffer, ReadMetadata(size));
                        continue;
                    case (byte)'S':
                        return ExtractOldGnuSparse(sink, size);
                    case (byte)'0':
                    case 0:
                    case (byte)'7':
                        return ExtractRegular(sink, size, pax);
                    default:
                        throw new TarFormatException($"The first tar member is not a regular file (type '{(char)type}').");
                }
            }
        }

        private long ExtractRegular(IImageSink sink, long size, PaxHeaders? pax)
        {
            if (pax != null && pax.IsSparseV1)
            {
                return ExtractPaxSparseV1(sink, size, pax);
            }
            IReadOnlyList<SparseRegion>? map = pax?.SparseMapFromHeaders();
            if (map != null)
            {
                long realSize = pax!.SparseRealSize ?? throw new TarFormatException("A PAX sparse member has no real size.");
                return CopyRegions(sink, map, size, 0, realSize);
            }
            CheckImageSize(size);
            CopyData(sink, size);
            SkipPadding(size);
            sink.Complete(size);
            return size;
        }

        /// <summary>
        /// Old GNU sparse header: four (offset, numbytes) pairs at byte 386, an "is extended" flag at 482 and the
        /// real file size at 483; while the flag is set, 512-byte blocks follow with 21 more pairs each and their
        /// own flag at byte 504. The member's size field counts only the stored region bytes.
        /// </summary>
        private long ExtractOldGnuSparse(IImageSink sink, long storedSize)
        {
            var regions = new List<SparseRegion>();
            AddGnuSparseEntries(header, 386, 4, regions);
            long realSize = TarNumeric.Parse(header, 483, 12, "realsize");
            bool extended = header[482] != 0;
            var extension = new byte[TarConstants.BlockSize];
            while (extended)
            {
                if (!TryReadExactly(extension, 0, TarConstants.BlockSize))
                {
                    throw new TarFormatException("The tar stream ends inside a GNU sparse extension header.");
                }
                AddGnuSparseEntries(extension, 0, 21, regions);
                extended = extension[504] != 0;
            }
            return CopyRegions(sink, regions, storedSize, 0, realSize);
        }

        private static void AddGnuSparseEntries(byte[] block, int start, int count, List<SparseRegion> regions)
        {
            for (int i = 0; i < count; i++)
            {
                int at = start + i * 24;
                if (block[at] == 0)
                {
                    break;
                }
                regions.Add(new SparseRegion(TarNumeric.Parse(block, at, 12, "sparse offset"), TarNumeric.Parse(block, at + 12, 12, "sparse numbytes")));
            }
        }

        /// <summary>
        /// PAX sparse 1.0: the member's data starts with the map as decimal lines (count, then offset and length
        /// per region), padded to a block; the regions' bytes follow.
        /// </summary>
        private long ExtractPaxSparseV1(IImageSink sink, long size, PaxHeaders pax)
        {
            long realSize = pax.SparseRealSize ?? throw new TarFormatException("A PAX sparse member has no real size.");
            long mapBytes = 0;
            var lineReader = new Func<long>(() =>
            {
                var digits = new StringBuilder();
                while (true)
                {
                    if (!TryReadExactly(header, 0, 1))
                    {
                        throw new TarFormatException("The tar stream ends inside a sparse map.");
                    }
                    mapBytes++;
                    if (header[0] == (byte)'\n')
                    {
                        break;
                    }
                    if (digits.Length > 20)
                    {
                        throw new TarFormatException("A sparse map number is too long.");
                    }
                    digits.Append((char)header[0]);
                }
                if (!long.TryParse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                {
                    throw new TarFormatException("A sparse map entry is not a number.");
                }
                return value;
            });

            long count = lineReader();
            if (count > size / 2 + 1)
            {
                throw new TarFormatException("The sparse map lists more regions than the member can hold.");
            }
            var regions = new List<SparseRegion>();
            for (long i = 0; i < count; i++)
            {
                long offset = lineReader();
                regions.Add(new SparseRegion(offset, lineReader()));
            }
            long mapPadded = TarConstants.PadToBlock(mapBytes);
            SkipBytes(mapPadded - mapBytes);
            return CopyRegions(sink, regions, size, mapPadded, realSize);
        }

        private void CheckImageSize(long size)
        {
            if (size > maxImageSize)
            {
                throw new TarFormatException($"The tar member describes an image of {size} bytes, more than the {maxImageSize} bytes the manifest declares.");
            }
        }

        private long CopyRegions(IImageSink sink, IReadOnlyList<SparseRegion> regions, long memberSize, long alreadyConsumed, long realSize)
        {
            CheckImageSize(realSize);
            if (alreadyConsumed > memberSize)
            {
                throw new TarFormatException("The sparse map is longer than the tar member.");
            }
            long consumed = alreadyConsumed;
            foreach (SparseRegion region in regions)
            {
                // Written so that no sum can overflow: offsets and lengths come from the archive.
                if (region.Offset < sink.Position || region.Length < 0 || region.Offset > realSize || region.Length > realSize - region.Offset)
                {
                    throw new TarFormatException("The sparse map's regions overlap, go backwards or run past the file's size.");
                }
                if (region.Length > memberSize - consumed)
                {
                    throw new TarFormatException("The sparse regions hold more bytes than the tar member.");
                }
                sink.SkipZeros(region.Offset - sink.Position);
                CopyData(sink, region.Length);
                consumed += region.Length;
            }
            SkipBytes(memberSize - consumed);
            SkipPadding(memberSize);
            sink.Complete(realSize);
            return realSize;
        }

        private void CopyData(IImageSink sink, long count)
        {
            while (count > 0)
            {
                int n = input.Read(copyBuffer, 0, (int)Math.Min(copyBuffer.Length, count));
                if (n == 0)
                {
                    throw new TarFormatException("The tar stream ends inside the image data.");
                }
                sink.Write(copyBuffer, 0, n);
                count -= n;
            }
        }

        private int ReadMetadata(long size)
        {
            if (size > MaxMetadataLength)
            {
                throw new TarFormatException("A tar extended header is implausibly large.");
            }
            if (!TryReadExactly(copyBuffer, 0, (int)size))
            {
                throw new TarFormatException("The tar stream ends inside an extended header.");
            }
            SkipPadding(size);
            return (int)size;
        }

        private void SkipPadding(long dataLength) => SkipBytes(TarConstants.PadToBlock(dataLength) - dataLength);

        private void SkipBytes(long count)
        {
            while (count > 0)
            {
                int n = input.Read(skipBuffer, 0, (int)Math.Min(skipBuffer.Length, count));
                if (n == 0)
                {
                    throw new TarFormatException("The tar stream is truncated.");
                }
                count -= n;
            }
        }

        private bool TryReadExactly(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int n = input.Read(buffer, offset, count);
                if (n == 0)
                {
                    return false;
                }
                offset += n;
                count -= n;
            }
            return true;
        }

        private static bool IsZeroBlock(byte[] block)
        {
            foreach (byte b in block)
            {
                if (b != 0)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
