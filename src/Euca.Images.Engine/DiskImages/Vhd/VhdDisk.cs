using System;
using System.Buffers.Binary;
using System.Text;

namespace Euca.Images.Engine.DiskImages.Vhd
{
    /// <summary>
    /// VHD (Virtual PC, Hyper-V before VHDX): fixed disks are the raw bytes followed by the footer; dynamic disks
    /// map 2 MiB blocks (by default) through the BAT, each block a sector bitmap and then its data. The size is the
    /// footer's current size (what Hyper-V shows), so qemu's CHS rounding never leaks into the raw form. Differencing
    /// disks are refused: their unallocated sectors belong to a parent.
    /// </summary>
    internal sealed class VhdDisk : BlockMappedDisk
    {
        private const int HeaderLength = 1024;
        private const uint Unallocated = 0xFFFFFFFF;
        private const int MaxBlockSize = 256 << 20;
        private static readonly byte[] SparseCookie = Encoding.ASCII.GetBytes("cxsparse");

        private readonly uint[]? _bat;
        private readonly int _bitmapBytes;

        private VhdDisk(ImageFile file, long virtualSize, int blockSize, uint[]? bat, int bitmapBytes)
            : base(file, virtualSize, blockSize)
        {
            _bat = bat;
            _bitmapBytes = bitmapBytes;
        }

        public override DiskFormat Format => DiskFormat.Vhd;

        public override string Subformat => _bat == null ? "fixed" : "dynamic";

        /// <summary>A fixed VHD: the footer at the end is the only structure.</summary>
        public static VhdDisk OpenFixed(ImageFile file, VhdFooter footer)
        {
            if (footer.DiskType != VhdFooter.TypeFixed)
            {
                throw DiskImageFailure.HeaderInvalid(file.Path, $"the VHD footer at the end names disk type {footer.DiskType}, but the file has no copy of it at the start");
            }

            long data = file.Length - VhdFooter.Length;
            if (footer.CurrentSize > data)
            {
                throw DiskImageFailure.BeyondFile(file.Path, $"the fixed VHD says it holds {footer.CurrentSize} bytes, but only {data} precede its footer");
            }

            return new VhdDisk(file, footer.CurrentSize, MaxBlockSize, null, 0);
        }

        /// <summary>A dynamic VHD, from the footer copy at the start of the file.</summary>
        public static VhdDisk OpenDynamic(ImageFile file, byte[] firstSector)
        {
            string path = file.Path;
            VhdFooter head = VhdFooter.Parse(firstSector, path, "at the start");
            if (file.Length < 2 * VhdFooter.Length + HeaderLength)
            {
                throw DiskImageFailure.BeyondFile(path, $"a dynamic VHD needs at least {2 * VhdFooter.Length + HeaderLength} bytes, the file has {file.Length}");
            }

            VhdFooter tail = VhdFooter.Parse(file.ReadBytes(file.Length - VhdFooter.Length, VhdFooter.Length, "the VHD footer"), path, "at the end");
            if (!head.Bytes.AsSpan().SequenceEqual(tail.Bytes))
            {
                throw DiskImageFailure.HeaderInvalid(path, "the VHD footer copies at the start and the end differ");
            }

            if (head.DiskType == VhdFooter.TypeDifferencing)
            {
                throw DiskImageFailure.HasParent(path, "a differencing VHD");
            }

            if (head.DiskType != VhdFooter.TypeDynamic)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the VHD footer names disk type {head.DiskType} but the file starts with a footer copy, as only dynamic disks do");
            }

            long dataEnd = file.Length - VhdFooter.Length;
            if (head.DataOffset < VhdFooter.Length || head.DataOffset > dataEnd - HeaderLength)
            {
                throw DiskImageFailure.BeyondFile(path, $"the dynamic header offset {head.DataOffset} lies outside the file");
            }

            byte[] header = file.ReadBytes(head.DataOffset, HeaderLength, "the dynamic disk header");
            if (!header.AsSpan(0, 8).SequenceEqual(SparseCookie))
            {
                throw DiskImageFailure.HeaderInvalid(path, "the dynamic disk header lacks its 'cxsparse' cookie");
            }

            if (VhdFooter.Checksum(header, 36) != BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(36)))
            {
                throw DiskImageFailure.HeaderInvalid(path, "the checksum of the dynamic disk header does not match");
            }

            long tableOffset = BinaryPrimitives.ReadInt64BigEndian(header.AsSpan(16));
            uint entries = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
            uint blockSize = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(32));
            if (blockSize < 512 || blockSize > MaxBlockSize || (blockSize & (blockSize - 1)) != 0)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the block size {blockSize} is not a power of two from 512 bytes to 256 MiB");
            }

            long blocksNeeded = (head.CurrentSize + blockSize - 1) / blockSize;
            if (entries < blocksNeeded)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the block table has {entries} entries but the {head.CurrentSize}-byte disk needs {blocksNeeded}");
            }

            long tableBytes = blocksNeeded * 4;
            if (tableOffset < VhdFooter.Length || tableOffset > dataEnd - tableBytes)
            {
                throw DiskImageFailure.BeyondFile(path, $"the block table at byte {tableOffset} ({tableBytes} bytes) lies outside the file");
            }

            byte[] raw = file.ReadBytes(tableOffset, (int)tableBytes, "the block table");
            var bat = new uint[blocksNeeded];
            int bitmapBytes = (int)(((blockSize / 512 + 7) / 8 + 511) / 512 * 512);
            var claims = new RangeClaims();
            claims.Add(0, VhdFooter.Length);
            claims.Add(head.DataOffset, HeaderLength);
            claims.Add(tableOffset, tableBytes);
            for (int i = 0; i < bat.Length; i++)
            {
                bat[i] = BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(i * 4));
                if (bat[i] == Unallocated)
                {
                    continue;
                }

                long start = (long)bat[i] * 512;
                long length = bitmapBytes + (long)blockSize;
                if (start + length > dataEnd)
                {
                    throw DiskImageFailure.BeyondFile(path, $"block {i} at byte {start} ends past the data area, which ends at byte {dataEnd}");
                }

                claims.Add(start, length);
            }

            claims.CheckNoOverlap(path);
            return new VhdDisk(file, head.CurrentSize, (int)blockSize, bat, bitmapBytes);
        }

        protected override BlockLocation Locate(long block)
        {
            if (_bat == null)
            {
                return BlockLocation.Data(block * BlockSize);
            }

            uint entry = _bat[block];
            return entry == Unallocated ? BlockLocation.Zero() : BlockLocation.Data((long)entry * 512 + _bitmapBytes);
        }
    }
}
