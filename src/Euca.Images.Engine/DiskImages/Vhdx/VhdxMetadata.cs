using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Euca.Images.Engine.DiskImages.Vhdx
{
    /// <summary>
    /// The VHDX metadata items a reader needs: block size (and whether the disk is fixed or has a parent), virtual
    /// size and logical sector size. Unknown items marked required are refused; the table carries no checksum, so
    /// every item must lie inside the region.
    /// </summary>
    internal sealed class VhdxMetadata
    {
        private const int TableLength = 65536;
        private const int MaxEntries = 2047;
        private const long MaxVirtualSize = 64L << 40;

        public int BlockSize { get; private set; }

        public bool IsFixed { get; private set; }

        public long VirtualSize { get; private set; }

        public int LogicalSectorSize { get; private set; }

        public static VhdxMetadata Read(ImageFile file, VhdxHeaderSection section)
        {
            string path = file.Path;
            byte[] table = file.ReadBytes(section.MetadataOffset, TableLength, "the VHDX metadata table");
            if (!VhdxHeaderSection.Signature(table, "metadata"))
            {
                throw DiskImageFailure.HeaderInvalid(path, "the metadata table lacks its 'metadata' signature");
            }

            int count = BinaryPrimitives.ReadUInt16LittleEndian(table.AsSpan(10));
            if (count > MaxEntries)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the metadata table claims {count} entries (at most {MaxEntries})");
            }

            var items = new Dictionary<Guid, byte[]>();
            for (int i = 0; i < count; i++)
            {
                int at = 32 + i * 32;
                var id = new Guid(table.AsSpan(at, 16).ToArray());
                uint offset = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(at + 16));
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(at + 20));
                bool required = (BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(at + 24)) & 4) != 0;
                if (items.ContainsKey(id))
                {
                    throw DiskImageFailure.HeaderInvalid(path, $"the metadata table lists item {id} twice");
                }

                if (length > 0 && (offset < TableLength || (long)offset + length > section.MetadataLength))
                {
                    throw DiskImageFailure.HeaderInvalid(path, $"metadata item {id} at {offset} ({length} bytes) lies outside its region");
                }

                if (id == VhdxIds.FileParameters || id == VhdxIds.VirtualDiskSize || id == VhdxIds.LogicalSectorSize)
                {
                    items[id] = file.ReadBytes(section.MetadataOffset + offset, (int)length, "a VHDX metadata item");
                }
                else if (id == VhdxIds.ParentLocator)
                {
                    throw DiskImageFailure.HasParent(path, "a differencing VHDX");
                }
                else if (required && id != VhdxIds.VirtualDiskId && id != VhdxIds.PhysicalSectorSize)
                {
                    throw DiskImageFailure.Unsupported(path, $"a VHDX with the unknown required metadata item {id}");
                }
            }

            return Parse(items, path);
        }

        private static VhdxMetadata Parse(Dictionary<Guid, byte[]> items, string path)
        {
            byte[] parameters = Item(items, VhdxIds.FileParameters, 8, "File Parameters", path);
            var metadata = new VhdxMetadata
            {
                BlockSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(parameters),
                IsFixed = (parameters[4] & 1) != 0,
                VirtualSize = BinaryPrimitives.ReadInt64LittleEndian(Item(items, VhdxIds.VirtualDiskSize, 8, "Virtual Disk Size", path)),
                LogicalSectorSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(Item(items, VhdxIds.LogicalSectorSize, 4, "Logical Sector Size", path)),
            };
            if ((parameters[4] & 2) != 0)
            {
                throw DiskImageFailure.HasParent(path, "a differencing VHDX");
            }

            int block = metadata.BlockSize;
            if (block < (1 << 20) || block > (256 << 20) || (block & (block - 1)) != 0)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the block size {block} is not a power of two from 1 MiB to 256 MiB");
            }

            if (metadata.LogicalSectorSize != 512 && metadata.LogicalSectorSize != 4096)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the logical sector size {metadata.LogicalSectorSize} is neither 512 nor 4096");
            }

            if (metadata.VirtualSize <= 0 || metadata.VirtualSize > MaxVirtualSize || metadata.VirtualSize % metadata.LogicalSectorSize != 0)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the virtual size {metadata.VirtualSize} is not a multiple of the sector size up to 64 TiB");
            }

            return metadata;
        }

        private static byte[] Item(Dictionary<Guid, byte[]> items, Guid id, int length, string name, string path) =>
            items.TryGetValue(id, out byte[]? value) && value.Length >= length
                ? value
                : throw DiskImageFailure.HeaderInvalid(path, $"the metadata item {name} is missing or short");
    }
}
