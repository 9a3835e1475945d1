using System;
using System.Buffers.Binary;

namespace Euca.Images.Engine.DiskImages.Vhdx
{
    /// <summary>
    /// VHDX (Hyper-V): a BAT of 64-bit entries maps each block (1 to 256 MiB) to a 1 MiB-aligned file offset, with a
    /// sector-bitmap entry after every <c>chunkRatio</c> payload entries that only differencing disks use. Files with
    /// a log to replay or a parent are refused; payload states other than "fully present" read as zeros, as qemu and
    /// Hyper-V read them.
    /// </summary>
    internal sealed class VhdxDisk : BlockMappedDisk
    {
        private const int StateFullyPresent = 6;
        private const int StatePartiallyPresent = 7;
        private const int StateReserved = 4;
        private const long OffsetMask = unchecked((long)0xFFFFFFFFFFF00000);

        private readonly long[] _offsets; // per payload block: file offset, or 0 when it reads as zeros
        private readonly bool _fixed;

        private VhdxDisk(ImageFile file, VhdxMetadata metadata, long[] offsets)
            : base(file, metadata.VirtualSize, metadata.BlockSize)
        {
            _offsets = offsets;
            _fixed = metadata.IsFixed;
        }

        public override DiskFormat Format => DiskFormat.Vhdx;

        public override string Subformat => _fixed ? "fixed" : "dynamic";

        public static VhdxDisk Open(ImageFile file)
        {
            string path = file.Path;
            VhdxHeaderSection section = VhdxHeaderSection.Read(file);
            VhdxMetadata metadata = VhdxMetadata.Read(file, section);
            long chunkRatio = (1L << 23) * metadata.LogicalSectorSize / metadata.BlockSize;
            long blocks = (metadata.VirtualSize + metadata.BlockSize - 1) / metadata.BlockSize;
            long entries = blocks + (blocks - 1) / chunkRatio;
            if (entries * 8 > section.BatLength)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the BAT region holds {section.BatLength / 8} entries but the disk needs {entries}");
            }

            byte[] bat = file.ReadBytes(section.BatOffset, (int)(entries * 8), "the VHDX BAT");
            var offsets = new long[blocks];
            var claims = new RangeClaims();
            claims.Add(0, VhdxHeaderSection.Size);
            claims.Add(section.BatOffset, section.BatLength);
            claims.Add(section.MetadataOffset, section.MetadataLength);
            claims.Add(section.LogOffset, section.LogLength);
            for (long block = 0; block < blocks; block++)
            {
                ulong entry = BinaryPrimitives.ReadUInt64LittleEndian(bat.AsSpan((int)((block + block / chunkRatio) * 8)));
                int state = (int)(entry & 7);
                if (state == StatePartiallyPresent || state == StateReserved)
                {
                    throw DiskImageFailure.HeaderInvalid(path, $"BAT entry of block {block} has state {state}, which a disk without a parent cannot have");
                }

                if (state != StateFullyPresent)
                {
                    continue;
                }

                long offset = (long)entry & OffsetMask;
                long length = Math.Min(metadata.BlockSize, metadata.VirtualSize - block * metadata.BlockSize);
                if (offset > file.Length - length)
                {
                    throw DiskImageFailure.BeyondFile(path, $"block {block} at byte {offset} ends past the end of the {file.Length}-byte file");
                }

                claims.Add(offset, length);
                offsets[block] = offset;
            }

            claims.CheckNoOverlap(path);
            return new VhdxDisk(file, metadata, offsets);
        }

        protected override BlockLocation Locate(long block)
        {
            long offset = _offsets[block];
            return offset == 0 ? BlockLocation.Zero() : BlockLocation.Data(offset);
        }
    }
}
