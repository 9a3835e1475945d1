using System;
using System.Buffers.Binary;
using System.Text;

namespace Euca.Images.Engine.DiskImages.Vhdx
{
    /// <summary>
    /// The first MiB of a VHDX: two headers (the valid one with the higher sequence number is current) and two copies
    /// of the region table, which says where the BAT and the metadata are. qemu reads only the first region table;
    /// the second is its backup, so it is used when the first is damaged.
    /// </summary>
    internal sealed class VhdxHeaderSection
    {
        public const long Size = 1 << 20;
        private const int HeaderLength = 4096;
        private const int RegionTableLength = 65536;
        private const int MaxRegionEntries = 2047;

        private VhdxHeaderSection()
        {
        }

        public long LogOffset { get; private set; }

        public long LogLength { get; private set; }

        public long BatOffset { get; private set; }

        public long BatLength { get; private set; }

        public long MetadataOffset { get; private set; }

        public long MetadataLength { get; private set; }

        public static VhdxHeaderSection Read(ImageFile file)
        {
            string path = file.Path;
            if (file.Length < Size)
            {
                throw DiskImageFailure.BeyondFile(path, $"a VHDX starts with a 1 MiB header section, the file has {file.Length} bytes");
            }

            byte[] first = file.ReadBytes(0, (int)Size, "the VHDX header section");
            byte[]? header = CurrentHeader(first, path);
            var section = new VhdxHeaderSection();
            if (!new Guid(header.AsSpan(48, 16).ToArray()).Equals(Guid.Empty))
            {
                throw new Errors.EucaException(Errors.ErrorIds.DiskImageDirtyLog, Errors.EucaErrorCategory.InvalidData,
                    $"The VHDX '{path}' holds a log that must be replayed first (the VM was not shut down cleanly). Attach and detach it in Hyper-V, or run 'qemu-img check -r all' on it, then try again.",
                    path);
            }

            section.LogLength = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(68));
            section.LogOffset = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(72));
            section.ReadRegions(RegionTable(first, path), path);
            var claims = new RangeClaims();
            claims.Add(0, Size);
            claims.Add(section.BatOffset, section.BatLength);
            claims.Add(section.MetadataOffset, section.MetadataLength);
            if (section.LogLength > 0)
            {
                claims.Add(section.LogOffset, section.LogLength);
            }

            claims.CheckNoOverlap(path);
            foreach ((long offset, long length, string what) in new[] { (section.BatOffset, section.BatLength, "BAT"), (section.MetadataOffset, section.MetadataLength, "metadata region"), (section.LogOffset, section.LogLength, "log") })
            {
                if (offset + length > file.Length)
                {
                    throw DiskImageFailure.BeyondFile(path, $"the {what} at byte {offset} ({length} bytes) ends past the end of the {file.Length}-byte file");
                }
            }

            return section;
        }

        private static byte[] CurrentHeader(byte[] first, string path)
        {
            byte[]? best = null;
            ulong bestSequence = 0;
            foreach (int at in new[] { 64 * 1024, 128 * 1024 })
            {
                byte[] header = first.AsSpan(at, HeaderLength).ToArray();
                bool valid = Signature(header, "head")
                    && Crc32C.Compute(header, 4) == BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4))
                    && BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(66)) == 1;
                ulong sequence = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(8));
                if (valid && (best == null || sequence > bestSequence))
                {
                    best = header;
                    bestSequence = sequence;
                }
            }

            return best ?? throw DiskImageFailure.HeaderInvalid(path, "neither VHDX header has a valid signature, checksum and version");
        }

        private static byte[] RegionTable(byte[] first, string path)
        {
            foreach (int at in new[] { 192 * 1024, 256 * 1024 })
            {
                byte[] table = first.AsSpan(at, RegionTableLength).ToArray();
                if (Signature(table, "regi") && Crc32C.Compute(table, 4) == BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(4)))
                {
                    return table;
                }
            }

            throw DiskImageFailure.HeaderInvalid(path, "neither VHDX region table has a valid signature and checksum");
        }

        private void ReadRegions(byte[] table, string path)
        {
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(8));
            if (count > MaxRegionEntries)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the region table claims {count} entries (at most {MaxRegionEntries})");
            }

            bool bat = false, metadata = false;
            for (int i = 0; i < count; i++)
            {
                int at = 16 + i * 32;
                var id = new Guid(table.AsSpan(at, 16).ToArray());
                long offset = BinaryPrimitives.ReadInt64LittleEndian(table.AsSpan(at + 16));
                long length = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(at + 24));
                bool required = (BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(at + 28)) & 1) != 0;
                if (offset < Size || offset % Size != 0 || length == 0 || length % Size != 0)
                {
                    throw DiskImageFailure.HeaderInvalid(path, $"region {id} at byte {offset} ({length} bytes) is not aligned to 1 MiB after the header section");
                }

                if (id == VhdxIds.BatRegion && !bat)
                {
                    (bat, BatOffset, BatLength) = (true, offset, length);
                }
                else if (id == VhdxIds.MetadataRegion && !metadata)
                {
                    (metadata, MetadataOffset, MetadataLength) = (true, offset, length);
                }
                else if (id == VhdxIds.BatRegion || id == VhdxIds.MetadataRegion)
                {
                    throw DiskImageFailure.HeaderInvalid(path, $"the region table lists region {id} twice");
                }
                else if (required)
                {
                    throw DiskImageFailure.Unsupported(path, $"a VHDX with the required region {id}");
                }
            }

            if (!bat || !metadata)
            {
                throw DiskImageFailure.HeaderInvalid(path, "the region table lacks the BAT or the metadata region");
            }
        }

        public static bool Signature(byte[] bytes, string signature) =>
            bytes.AsSpan(0, signature.Length).SequenceEqual(Encoding.ASCII.GetBytes(signature));
    }
}
