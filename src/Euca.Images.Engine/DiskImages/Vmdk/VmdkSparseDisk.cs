using System;
using System.Buffers.Binary;
using System.Text;

namespace Euca.Images.Engine.DiskImages.Vmdk
{
    /// <summary>
    /// monolithicSparse and streamOptimized VMDKs: a grain directory points at grain tables, whose entries are the
    /// sector of each grain (64 KiB by default). In stream-optimized files each grain starts with a marker (its LBA
    /// and compressed length) followed by zlib data. Only the grain tables that exist are held in memory.
    /// </summary>
    internal sealed class VmdkSparseDisk : BlockMappedDisk
    {
        private const int MarkerLength = 12;

        private readonly VmdkSparseHeader _header;
        private readonly uint[]?[] _tables;
        private readonly string _subformat;

        private VmdkSparseDisk(ImageFile file, VmdkSparseHeader header, uint[]?[] tables, string subformat)
            : base(file, header.CapacitySectors * 512, (int)(header.GrainSectors * 512))
        {
            _header = header;
            _tables = tables;
            _subformat = subformat;
        }

        public override DiskFormat Format => DiskFormat.Vmdk;

        public override string Subformat => _subformat;

        public static VmdkSparseDisk Open(ImageFile file)
        {
            string path = file.Path;
            VmdkSparseHeader header = VmdkSparseHeader.Read(file);
            var claims = new RangeClaims();
            claims.Add(0, VmdkSparseHeader.Length);
            string subformat = EmbeddedCreateType(file, header, claims);

            long grainBytes = header.GrainSectors * 512;
            long grains = (header.CapacitySectors * 512 + grainBytes - 1) / grainBytes;
            long tableCount = (grains + header.GrainTableEntries - 1) / header.GrainTableEntries;
            byte[] directory = file.ReadBytes(header.GrainDirectorySector * 512, checked((int)(tableCount * 4)), "the grain directory");
            claims.Add(header.GrainDirectorySector * 512, tableCount * 4);
            var tables = new uint[]?[tableCount];
            for (long t = 0; t < tableCount; t++)
            {
                uint sector = BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan((int)(t * 4)));
                if (sector == 0)
                {
                    continue;
                }

                int entries = header.GrainTableEntries;
                byte[] raw = file.ReadBytes(sector * 512L, entries * 4, $"grain table {t}");
                claims.Add(sector * 512L, entries * 4);
                var table = new uint[entries];
                for (int j = 0; j < entries; j++)
                {
                    table[j] = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(j * 4));
                    long grain = t * entries + j;
                    if (grain < grains && !ReadsAsZero(header, table[j]))
                    {
                        ClaimGrain(file, header, claims, grain, table[j], Math.Min(grainBytes, header.CapacitySectors * 512 - grain * grainBytes));
                    }
                }

                tables[t] = table;
            }

            claims.CheckNoOverlap(path);
            return new VmdkSparseDisk(file, header, tables, subformat);
        }

        /// <summary>The embedded descriptor's createType; other types of sparse extent belong to multi-file disks.</summary>
        private static string EmbeddedCreateType(ImageFile file, VmdkSparseHeader header, RangeClaims claims)
        {
            string fallback = header.Compressed ? "streamOptimized" : "monolithicSparse";
            if (header.DescriptorSector <= 0 || header.DescriptorSectors <= 0)
            {
                return fallback;
            }

            if (header.DescriptorSectors * 512 > VmdkDescriptor.MaxLength)
            {
                throw DiskImageFailure.HeaderInvalid(file.Path, $"the embedded descriptor of {header.DescriptorSectors} sectors is larger than 1 MiB");
            }

            byte[] bytes = file.ReadBytes(header.DescriptorSector * 512, (int)header.DescriptorSectors * 512, "the embedded descriptor");
            claims.Add(header.DescriptorSector * 512, bytes.Length);
            VmdkDescriptor descriptor = VmdkDescriptor.Parse(Encoding.ASCII.GetString(bytes, 0, VmdkDescriptor.TextLength(bytes, bytes.Length)), file.Path);
            foreach (string known in new[] { "monolithicSparse", "streamOptimized" })
            {
                if (descriptor.CreateType.Equals(known, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }

            throw DiskImageFailure.Unsupported(file.Path, $"a '{descriptor.CreateType}' VMDK extent");
        }

        private static bool ReadsAsZero(VmdkSparseHeader header, uint entry) => entry == 0 || (entry == 1 && header.ZeroedGrains);

        private static void ClaimGrain(ImageFile file, VmdkSparseHeader header, RangeClaims claims, long grain, uint sector, long bytes)
        {
            long start = sector * 512L;
            // A compressed grain's length is in its marker, read when the grain is; its first sector is claimed here.
            long length = header.Compressed ? MarkerLength : bytes;
            if (start + length > file.Length)
            {
                throw DiskImageFailure.BeyondFile(file.Path, $"grain {grain} at byte {start} ends past the end of the {file.Length}-byte file");
            }

            claims.Add(start, header.Compressed ? 512 : bytes);
        }

        protected override BlockLocation Locate(long block)
        {
            int entries = _header.GrainTableEntries;
            uint[]? table = _tables[block / entries];
            if (table == null)
            {
                return BlockLocation.Zero(entries - block % entries);
            }

            uint sector = table[block % entries];
            if (ReadsAsZero(_header, sector))
            {
                return BlockLocation.Zero();
            }

            return _header.Compressed ? BlockLocation.Compressed(sector * 512L, MarkerLength) : BlockLocation.Data(sector * 512L);
        }

        /// <summary>
        /// The stored bytes given are the grain marker: it must name this grain, and its length bounds the zlib data
        /// read after it (qemu refuses more than two grains' worth; exactly one grain must come out).
        /// </summary>
        protected override void Inflate(long block, byte[] stored, int storedLength, byte[] output)
        {
            long offset = _tables[block / _header.GrainTableEntries]![block % _header.GrainTableEntries] * 512L;
            if (storedLength < MarkerLength)
            {
                throw DiskImageFailure.BeyondFile(File.Path, $"the marker of grain {block} at byte {offset} is cut short");
            }

            long lba = BinaryPrimitives.ReadInt64LittleEndian(stored.AsSpan(0));
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(stored.AsSpan(8));
            if (lba != block * _header.GrainSectors || size == 0 || size > 2L * BlockSize)
            {
                throw DiskImageFailure.DataInvalid(File.Path, $"the marker of grain {block} names sector {lba} and {size} bytes");
            }

            byte[] compressed = File.ReadBytes(offset + MarkerLength, (int)size, $"compressed grain {block}");
            bool zlibHeader = size >= 2 && (compressed[0] & 0x0F) == 8 && (compressed[0] * 256 + compressed[1]) % 31 == 0;
            int skip = zlibHeader ? 2 : 0;
            int wanted = BytesInBlock(block);
            int total = InflateRawDeflate(block, compressed, skip, (int)size - skip, output);
            if (total != BlockSize && total != wanted)
            {
                throw DiskImageFailure.DataInvalid(File.Path, $"compressed grain {block} inflates to {total} bytes instead of {wanted}");
            }
        }
    }
}
