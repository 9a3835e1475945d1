using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Writes a stream-optimized VMDK the way VMware lays it out (and qemu does not): the header says "grain directory
    /// at the end", grains with markers, then grain-table and directory markers, a footer marker, the footer (the real
    /// header) and the end-of-stream marker. qemu-img cannot produce this layout, so the reader's footer path is tested
    /// against a file written here from the VMDK 5.0 note.
    /// </summary>
    public static class VmwareStreamVmdk
    {
        private const int Sector = 512;
        private const int GrainSectors = 128;
        private const int TableEntries = 512;

        public static void Write(string path, byte[] raw)
        {
            long capacity = (raw.Length + Sector - 1) / Sector;
            int grainBytes = GrainSectors * Sector;
            int grains = (int)((raw.Length + grainBytes - 1) / grainBytes);
            int tables = (grains + TableEntries - 1) / TableEntries;
            var grainSector = new uint[tables * TableEntries];
            using var file = new FileStream(path, FileMode.Create);
            file.Write(Header(capacity, ulong.MaxValue));
            file.Write(Padded(Encoding.ASCII.GetBytes("# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\ncreateType=\"streamOptimized\"\n\nRW " + capacity + " SPARSE \"test.vmdk\"\n")));
            for (int g = 0; g < grains; g++)
            {
                int length = Math.Min(grainBytes, raw.Length - g * grainBytes);
                if (new ReadOnlySpan<byte>(raw, g * grainBytes, length).IndexOfAnyExcept((byte)0) < 0)
                {
                    continue;
                }

                var compressed = new MemoryStream();
                using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                {
                    zlib.Write(raw, g * grainBytes, length);
                }

                grainSector[g] = (uint)(file.Position / Sector);
                var marker = new byte[12 + compressed.Length];
                BinaryPrimitives.WriteInt64LittleEndian(marker, (long)g * GrainSectors);
                BinaryPrimitives.WriteInt32LittleEndian(marker.AsSpan(8), (int)compressed.Length);
                compressed.ToArray().CopyTo(marker, 12);
                file.Write(Padded(marker));
            }

            var directory = new byte[tables * 4];
            for (int t = 0; t < tables; t++)
            {
                file.Write(Marker(TableEntries * 4 / Sector, 1));
                BinaryPrimitives.WriteUInt32LittleEndian(directory.AsSpan(t * 4), (uint)(file.Position / Sector));
                var table = new byte[TableEntries * 4];
                for (int j = 0; j < TableEntries; j++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(j * 4), grainSector[t * TableEntries + j]);
                }

                file.Write(table);
            }

            file.Write(Marker((directory.Length + Sector - 1) / Sector, 2));
            long directorySector = file.Position / Sector;
            file.Write(Padded(directory));
            file.Write(Marker(1, 3));
            file.Write(Header(capacity, (ulong)directorySector));
            file.Write(new byte[Sector]);
        }

        private static byte[] Header(long capacity, ulong directorySector)
        {
            var h = new byte[Sector];
            Encoding.ASCII.GetBytes("KDMV").CopyTo(h, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), 3);
            BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(8), 0x30001);
            BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(12), capacity);
            BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(20), GrainSectors);
            BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(28), 1);
            BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(36), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(44), TableEntries);
            BinaryPrimitives.WriteUInt64LittleEndian(h.AsSpan(56), directorySector);
            BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(64), 2);
            new byte[] { 0x0A, 0x20, 0x0D, 0x0A }.CopyTo(h, 73);
            BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(77), 1);
            return h;
        }

        private static byte[] Marker(long value, int type)
        {
            var m = new byte[Sector];
            BinaryPrimitives.WriteInt64LittleEndian(m, value);
            BinaryPrimitives.WriteInt32LittleEndian(m.AsSpan(12), type);
            return m;
        }

        private static byte[] Padded(byte[] bytes)
        {
            var padded = new byte[(bytes.Length + Sector - 1) / Sector * Sector];
            bytes.CopyTo(padded, 0);
            return padded;
        }
    }
}
