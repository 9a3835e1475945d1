using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Euca.Images.Engine.DiskImages.Qcow2
{
    /// <summary>
    /// QCOW2 (qemu, KVM): a two-level table (L1 in memory, L2 tables read on demand and a few kept) maps each cluster
    /// to a cluster-aligned offset, to a deflate-compressed span, to zeros (v3's zero flag) or to nothing. Every L2
    /// table is walked once when the image opens, so a cluster beyond the file or on top of another is refused before
    /// anything is produced; qemu itself reads an entry past the end of the file as zeros.
    /// </summary>
    internal sealed class Qcow2Disk : BlockMappedDisk
    {
        private const long OffsetMask = 0x00FFFFFFFFFFFE00;
        private const ulong CompressedFlag = 1UL << 62;
        private const ulong ZeroFlag = 1;
        private const int L2CacheBytes = 4 << 20;

        private readonly Qcow2Header _header;
        private readonly long[] _l1;
        private readonly int _l2Entries;
        private readonly int _compressedOffsetBits;
        private readonly Dictionary<long, ulong[]> _l2Cache = new Dictionary<long, ulong[]>();
        private readonly Queue<long> _l2CacheOrder = new Queue<long>();

        private Qcow2Disk(ImageFile file, Qcow2Header header, long[] l1)
            : base(file, header.Size, header.ClusterSize)
        {
            _header = header;
            _l1 = l1;
            _l2Entries = header.ClusterSize / 8;
            _compressedOffsetBits = 62 - (header.ClusterBits - 8);
        }

        public override DiskFormat Format => DiskFormat.Qcow2;

        public override string Subformat => "v" + _header.Version;

        public static Qcow2Disk Open(ImageFile file)
        {
            Qcow2Header header = Qcow2Header.Parse(file);
            byte[] raw = file.ReadBytes(header.L1Offset, header.L1Size * 8, "the L1 table");
            var l1 = new long[header.L1Size];
            for (int i = 0; i < l1.Length; i++)
            {
                l1[i] = BinaryPrimitives.ReadInt64BigEndian(raw.AsSpan(i * 8)) & OffsetMask;
            }

            var disk = new Qcow2Disk(file, header, l1);
            disk.Validate();
            return disk;
        }

        /// <summary>Claims the header, tables, refcount blocks and every cluster the active L1 reaches; overlaps are refused.</summary>
        private void Validate()
        {
            string path = File.Path;
            int cs = BlockSize;
            var claims = new RangeClaims();
            claims.Add(0, cs);
            claims.Add(_header.L1Offset, RoundUp(_l1.Length * 8L));
            long refcountBytes = (long)_header.RefcountTableClusters * cs;
            claims.Add(_header.RefcountTableOffset, refcountBytes);
            byte[] refcounts = File.ReadBytes(_header.RefcountTableOffset, (int)refcountBytes, "the refcount table");
            for (int i = 0; i < refcounts.Length; i += 8)
            {
                long block = BinaryPrimitives.ReadInt64BigEndian(refcounts.AsSpan(i)) & OffsetMask;
                if (block != 0)
                {
                    ClaimCluster(claims, block, cs, "a refcount block");
                }
            }

            long tables = (BlockCount + _l2Entries - 1) / _l2Entries;
            for (long t = 0; t < tables; t++)
            {
                if (_l1[t] == 0)
                {
                    continue;
                }

                ClaimCluster(claims, _l1[t], cs, $"the L2 table of L1 entry {t}");
                ulong[] l2 = L2Table(t);
                long first = t * _l2Entries;
                for (int j = 0; j < l2.Length && first + j < BlockCount; j++)
                {
                    BlockLocation location = Decode(first + j, l2[j]);
                    if (location.Kind == BlockKind.Data)
                    {
                        ClaimCluster(claims, location.FileOffset, BytesInBlock(first + j), $"cluster {first + j}");
                    }
                    else if (location.Kind == BlockKind.Compressed && location.FileOffset + location.StoredLength > RoundUpToSector(File.Length))
                    {
                        throw DiskImageFailure.BeyondFile(path, $"compressed cluster {first + j} at byte {location.FileOffset} runs past the end of the file");
                    }
                }
            }

            claims.CheckNoOverlap(path);
        }

        private void ClaimCluster(RangeClaims claims, long offset, long length, string what)
        {
            if (offset % BlockSize != 0)
            {
                throw DiskImageFailure.TableInvalid(File.Path, $"{what} at byte {offset} is not on a cluster boundary");
            }

            if (offset + length > File.Length)
            {
                throw DiskImageFailure.BeyondFile(File.Path, $"{what} at byte {offset} ends past the end of the {File.Length}-byte file");
            }

            claims.Add(offset, length);
        }

        protected override BlockLocation Locate(long block)
        {
            long table = block / _l2Entries;
            if (_l1[table] == 0)
            {
                return BlockLocation.Zero(_l2Entries - block % _l2Entries);
            }

            return Decode(block, L2Table(table)[block % _l2Entries]);
        }

        private BlockLocation Decode(long block, ulong entry)
        {
            if ((entry & CompressedFlag) != 0)
            {
                long offset = (long)(entry & ((1UL << _compressedOffsetBits) - 1));
                long sectors = (long)((entry >> _compressedOffsetBits) & ((1UL << (_header.ClusterBits - 8)) - 1)) + 1;
                if (offset < BlockSize || offset >= File.Length)
                {
                    throw DiskImageFailure.BeyondFile(File.Path, $"compressed cluster {block} starts at byte {offset}, outside the data area of the file");
                }

                return BlockLocation.Compressed(offset, (int)(sectors * 512 - (offset & 511)));
            }

            long host = (long)entry & OffsetMask;
            bool zero = _header.Version >= 3 && (entry & ZeroFlag) != 0;
            return zero || host == 0 ? BlockLocation.Zero() : BlockLocation.Data(host);
        }

        protected override void Inflate(long block, byte[] stored, int storedLength, byte[] output)
        {
            // QCOW2 compression type 0 is raw deflate, without the zlib header.
            int total = InflateRawDeflate(block, stored, 0, storedLength, output);
            if (total != output.Length)
            {
                throw DiskImageFailure.DataInvalid(File.Path, $"compressed cluster {block} inflates to {total} bytes instead of {output.Length}");
            }
        }

        private ulong[] L2Table(long table)
        {
            if (_l2Cache.TryGetValue(table, out ulong[]? cached))
            {
                return cached;
            }

            byte[] raw = File.ReadBytes(_l1[table], BlockSize, $"the L2 table of L1 entry {table}");
            var entries = new ulong[_l2Entries];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = BinaryPrimitives.ReadUInt64BigEndian(raw.AsSpan(i * 8));
            }

            if (_l2CacheOrder.Count >= Math.Max(1, L2CacheBytes / BlockSize))
            {
                _l2Cache.Remove(_l2CacheOrder.Dequeue());
            }

            _l2Cache[table] = entries;
            _l2CacheOrder.Enqueue(table);
            return entries;
        }

        private long RoundUp(long bytes) => (bytes + BlockSize - 1) / BlockSize * BlockSize;

        private static long RoundUpToSector(long bytes) => (bytes + 511) / 512 * 512;
    }
}
