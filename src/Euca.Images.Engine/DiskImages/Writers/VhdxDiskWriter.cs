using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using Euca.Images.Engine.DiskImages.Vhdx;

namespace Euca.Images.Engine.DiskImages.Writers
{
    /// <summary>
    /// A dynamic VHDX as Hyper-V makes it: 32 MiB blocks, 512-byte logical and 4 KiB physical sectors, a 1 MiB log
    /// area that is left empty (no log GUID, so nothing to replay), and blocks that never held data left out of the
    /// file (BAT state "not present"). A block is appended when its first unit with data arrives; the BAT, metadata
    /// and headers are written at the end, when every block's place is known. Only the BAT is held in memory
    /// (8 bytes per 32 MiB of disk).
    /// </summary>
    public sealed class VhdxDiskWriter : DiskImageWriter
    {
        /// <summary>The largest virtual size the format allows (64 TiB).</summary>
        public const long MaxVirtualSize = 64L << 40;

        private const int BlockSize = 32 << 20;
        private const int LogicalSectorSize = 512;
        private const int PhysicalSectorSize = 4096;
        private const long MiB = 1 << 20;
        private const long LogOffset = MiB;
        private const long MetadataOffset = 2 * MiB;
        private const long BatOffset = 3 * MiB;
        private const int StateFullyPresent = 6;

        // 2^23 sectors are described by one 1 MiB sector bitmap; a BAT has one bitmap entry after every chunkRatio blocks.
        private const long ChunkRatio = (1L << 23) * LogicalSectorSize / BlockSize;

        private readonly long[] _blockOffsets; // per payload block: its file offset, 0 while it holds no data
        private readonly long _batLength;
        private long _end;

        public VhdxDiskWriter(Stream file, long imageSize)
            : base(file, imageSize)
        {
            DiskWriteLimits.RequireData(imageSize, "VHDX");
            if (VirtualSize > MaxVirtualSize)
            {
                throw DiskWriteLimits.TooLarge(imageSize, "VHDX", MaxVirtualSize);
            }

            long blocks = (VirtualSize + BlockSize - 1) / BlockSize;
            _blockOffsets = new long[blocks];
            _batLength = (BatEntries(blocks) * 8 + MiB - 1) / MiB * MiB;
            _end = BatOffset + _batLength;
        }

        public override DiskFormat Format => DiskFormat.Vhdx;

        public override string Subformat => "dynamic";

        /// <summary>The image size in whole sectors: VHDX sizes are multiples of the logical sector.</summary>
        public override long VirtualSize => WholeSectors(ImageSize);

        private static long BatEntries(long blocks) => blocks + (blocks - 1) / ChunkRatio;

        protected override void WriteUnit(long diskOffset, byte[] buffer, int offset, int length)
        {
            long block = diskOffset / BlockSize;
            if (_blockOffsets[block] == 0)
            {
                _blockOffsets[block] = _end;
                _end += BlockSize;
            }

            long at = _blockOffsets[block] + diskOffset % BlockSize;
            if (File.Position != at)
            {
                File.Position = at;
            }

            File.Write(buffer, offset, length);
        }

        protected override void Finish()
        {
            // Whole blocks, as Hyper-V allocates them; the zeros a block ends with stay holes.
            File.SetLength(_end);
            WriteAt(0, HeaderSection());
            WriteAt(MetadataOffset, Metadata());
            WriteBat();
        }

        private void WriteBat()
        {
            var entries = new byte[Math.Min(_batLength, MiB)];
            long count = BatEntries(_blockOffsets.Length);
            for (long start = 0; start < count; start += entries.Length / 8)
            {
                Array.Clear(entries, 0, entries.Length);
                long n = Math.Min(entries.Length / 8, count - start);
                for (long i = 0; i < n; i++)
                {
                    long index = start + i;
                    // Every (chunkRatio+1)th entry is a sector bitmap entry, "not present" (0) without a parent.
                    if ((index + 1) % (ChunkRatio + 1) == 0)
                    {
                        continue;
                    }

                    long offset = _blockOffsets[index - index / (ChunkRatio + 1)];
                    ulong entry = offset == 0 ? 0UL : (ulong)offset | StateFullyPresent;
                    BinaryPrimitives.WriteUInt64LittleEndian(entries.AsSpan((int)(i * 8)), entry);
                }

                File.Position = BatOffset + start * 8;
                File.Write(entries, 0, (int)(n * 8));
            }
        }

        private byte[] HeaderSection()
        {
            var section = new byte[320 * 1024];
            Encoding.ASCII.GetBytes("vhdxfile").CopyTo(section, 0);
            Encoding.Unicode.GetBytes("Euca.Images").CopyTo(section, 8);
            Guid fileWrite = Guid.NewGuid(), dataWrite = Guid.NewGuid();
            Header(1, fileWrite, dataWrite).CopyTo(section, 64 * 1024);
            Header(2, fileWrite, dataWrite).CopyTo(section, 128 * 1024);
            byte[] regions = RegionTable();
            regions.CopyTo(section, 192 * 1024);
            regions.CopyTo(section, 256 * 1024);
            return section;
        }

        private static byte[] Header(ulong sequence, Guid fileWrite, Guid dataWrite)
        {
            var header = new byte[4096];
            Encoding.ASCII.GetBytes("head").CopyTo(header, 0);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), sequence);
            fileWrite.ToByteArray().CopyTo(header, 16);
            dataWrite.ToByteArray().CopyTo(header, 32);
            // LogGuid (48) stays zero: the log is empty. LogVersion (64) 0, Version (66) 1.
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(66), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), (uint)MiB);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(72), LogOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), Crc32C.Compute(header, 4));
            return header;
        }

        private byte[] RegionTable()
        {
            var table = new byte[64 * 1024];
            Encoding.ASCII.GetBytes("regi").CopyTo(table, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(8), 2);
            Region(table, 16, VhdxIds.BatRegion, BatOffset, _batLength);
            Region(table, 48, VhdxIds.MetadataRegion, MetadataOffset, MiB);
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4), Crc32C.Compute(table, 4));
            return table;
        }

        private static void Region(byte[] table, int at, Guid id, long offset, long length)
        {
            id.ToByteArray().CopyTo(table, at);
            BinaryPrimitives.WriteInt64LittleEndian(table.AsSpan(at + 16), offset);
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(at + 24), (uint)length);
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(at + 28), 1); // required, as the specification asks
        }

        /// <summary>The metadata table and its five items right after it, flagged as Hyper-V flags them.</summary>
        private byte[] Metadata()
        {
            const int itemsAt = 64 * 1024;
            const uint required = 4, virtualDisk = 2;
            var metadata = new byte[itemsAt + 40];
            Encoding.ASCII.GetBytes("metadata").CopyTo(metadata, 0);
            BinaryPrimitives.WriteUInt16LittleEndian(metadata.AsSpan(10), 5);
            var items = new (Guid Id, int Length, uint Flags)[]
            {
                (VhdxIds.FileParameters, 8, required),
                (VhdxIds.VirtualDiskSize, 8, required | virtualDisk),
                (VhdxIds.VirtualDiskId, 16, required | virtualDisk),
                (VhdxIds.LogicalSectorSize, 4, required | virtualDisk),
                (VhdxIds.PhysicalSectorSize, 4, required | virtualDisk),
            };
            int offset = itemsAt;
            for (int i = 0; i < items.Length; i++)
            {
                int entry = 32 + i * 32;
                items[i].Id.ToByteArray().CopyTo(metadata, entry);
                BinaryPrimitives.WriteUInt32LittleEndian(metadata.AsSpan(entry + 16), (uint)offset);
                BinaryPrimitives.WriteUInt32LittleEndian(metadata.AsSpan(entry + 20), (uint)items[i].Length);
                BinaryPrimitives.WriteUInt32LittleEndian(metadata.AsSpan(entry + 24), items[i].Flags);
                offset += items[i].Length;
            }

            // File parameters: the block size, and flags 0 (blocks are not kept allocated; no parent).
            BinaryPrimitives.WriteUInt32LittleEndian(metadata.AsSpan(itemsAt), BlockSize);
            BinaryPrimitives.WriteInt64LittleEndian(metadata.AsSpan(itemsAt + 8), VirtualSize);
            Guid.NewGuid().ToByteArray().CopyTo(metadata, itemsAt + 16);
            BinaryPrimitives.WriteUInt32LittleEndian(metadata.AsSpan(itemsAt + 32), LogicalSectorSize);
            BinaryPrimitives.WriteUInt32LittleEndian(metadata.AsSpan(itemsAt + 36), PhysicalSectorSize);
            return metadata;
        }

        private void WriteAt(long offset, byte[] bytes)
        {
            File.Position = offset;
            File.Write(bytes, 0, bytes.Length);
        }
    }
}
