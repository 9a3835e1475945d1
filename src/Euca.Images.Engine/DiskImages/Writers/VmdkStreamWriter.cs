using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Text;

namespace Euca.Images.Engine.DiskImages.Writers
{
    /// <summary>
    /// A stream-optimized VMDK as VMware writes it for OVF and as AWS and VMware import it: the header says the grain
    /// directory is at the end; each 64 KiB grain with data follows as a marker (its first sector, its length) and
    /// zlib data; after every 512 grains' range comes its grain table behind a table marker; the end holds the
    /// directory, a footer (the header with the directory's place) and the end-of-stream marker. Grains of zeros
    /// are not written, but every range gets its grain table, empty or not, as VMware's own stream files have them
    /// (readers may take a directory entry of 0 as an absent table; not every importer is known to). Everything goes
    /// out front to back, so only the grain directory (4 bytes per 32 MiB) and the current grain table are held in
    /// memory.
    /// </summary>
    public sealed class VmdkStreamWriter : DiskImageWriter
    {
        /// <summary>The largest disk: grain tables hold 32-bit sector numbers.</summary>
        public const long MaxVirtualSize = (1L << 32) * Sector;

        private const int Sector = 512;
        private const int GrainSectors = UnitSize / Sector;
        private const int TableEntries = 512;
        private const int TableSectors = TableEntries * 4 / Sector;
        private const long Overhead = 128; // sectors before the first grain, as VMware leaves them
        private const long DescriptorSector = 1;
        private const ulong GdAtEnd = ulong.MaxValue;
        private const uint MarkerGrainTable = 1, MarkerGrainDirectory = 2, MarkerFooter = 3;
        private static readonly byte[] Zeros = new byte[Sector];

        private readonly uint[] _directory;
        private readonly uint[] _table = new uint[TableEntries];
        private readonly byte[] _tableBytes = new byte[TableSectors * Sector];
        private readonly ZlibGrain _grain = new ZlibGrain();
        private readonly long _descriptorSectors;
        private long _tableIndex;
        private long _sector = Overhead;

        /// <param name="extentName">The file's own name, which the embedded descriptor names as its extent.</param>
        public VmdkStreamWriter(Stream file, long imageSize, string extentName)
            : base(file, imageSize)
        {
            DiskWriteLimits.RequireData(imageSize, "stream-optimized VMDK");
            if (VirtualSize > MaxVirtualSize)
            {
                throw DiskWriteLimits.TooLarge(imageSize, "stream-optimized VMDK", MaxVirtualSize);
            }

            long grains = (VirtualSize / Sector + GrainSectors - 1) / GrainSectors;
            _directory = new uint[(grains + TableEntries - 1) / TableEntries];
            byte[] descriptor = Descriptor(VirtualSize / Sector, extentName ?? throw new ArgumentNullException(nameof(extentName)));
            _descriptorSectors = descriptor.Length / Sector;
            File.Position = 0;
            File.Write(Header(GdAtEnd), 0, Sector);
            File.Write(descriptor, 0, descriptor.Length);
            File.Position = Overhead * Sector;
        }

        public override DiskFormat Format => DiskFormat.Vmdk;

        public override string Subformat => "streamOptimized";

        /// <summary>The image size in whole sectors: a VMDK's capacity is counted in sectors.</summary>
        public override long VirtualSize => WholeSectors(ImageSize);

        protected override void WriteUnit(long diskOffset, byte[] buffer, int offset, int length)
        {
            long grain = diskOffset / UnitSize;
            WriteGrainTablesBefore(grain / TableEntries);

            // A whole grain even at the disk's end (zeros after it): qemu inflates exactly one grain.
            _grain.Compress(buffer, offset, UnitSize);
            long sectors = (12 + _grain.Length + Sector - 1) / Sector;
            CheckSectorNumber(_sector + sectors);
            var marker = new byte[12];
            BinaryPrimitives.WriteInt64LittleEndian(marker, grain * GrainSectors);
            BinaryPrimitives.WriteUInt32LittleEndian(marker.AsSpan(8), (uint)_grain.Length);
            File.Write(marker, 0, marker.Length);
            File.Write(_grain.Buffer, 0, _grain.Length);
            File.Write(Zeros, 0, (int)(sectors * Sector - 12 - _grain.Length));
            _table[grain % TableEntries] = (uint)_sector;
            _sector += sectors;
        }

        protected override void Finish()
        {
            WriteGrainTablesBefore(_directory.Length);
            long directorySectors = (_directory.Length * 4L + Sector - 1) / Sector;
            WriteMarker(directorySectors, MarkerGrainDirectory);
            long directorySector = _sector;
            var directory = new byte[directorySectors * Sector];
            for (int i = 0; i < _directory.Length; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(directory.AsSpan(i * 4), _directory[i]);
            }

            WriteSectors(directory);
            WriteMarker(1, MarkerFooter);
            WriteSectors(Header((ulong)directorySector));
            WriteSectors(new byte[Sector]); // end of stream: a marker of all zeros
            File.SetLength(_sector * Sector);
        }

        /// <summary>Writes the grain tables of every range before <paramref name="table"/>: its grains have all been written.</summary>
        private void WriteGrainTablesBefore(long table)
        {
            for (; _tableIndex < table; _tableIndex++)
            {
                WriteMarker(TableSectors, MarkerGrainTable);
                _directory[_tableIndex] = (uint)_sector;
                for (int i = 0; i < TableEntries; i++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(_tableBytes.AsSpan(i * 4), _table[i]);
                }

                WriteSectors(_tableBytes);
                Array.Clear(_table, 0, _table.Length);
            }
        }

        private void WriteMarker(long sectorsFollowing, uint type)
        {
            var marker = new byte[Sector];
            BinaryPrimitives.WriteInt64LittleEndian(marker, sectorsFollowing);
            BinaryPrimitives.WriteUInt32LittleEndian(marker.AsSpan(12), type);
            WriteSectors(marker);
        }

        private void WriteSectors(byte[] sectors)
        {
            CheckSectorNumber(_sector + sectors.Length / Sector);
            File.Write(sectors, 0, sectors.Length);
            _sector += sectors.Length / Sector;
        }

        /// <summary>Incompressible grains take a little more than a grain each, so a disk near the limit can still outgrow 32-bit sector numbers.</summary>
        private void CheckSectorNumber(long sector)
        {
            if (sector > uint.MaxValue)
            {
                throw DiskWriteLimits.TooLarge(ImageSize, "stream-optimized VMDK", MaxVirtualSize);
            }
        }

        private byte[] Header(ulong directorySector)
        {
            var header = new byte[Sector];
            Encoding.ASCII.GetBytes("KDMV").CopyTo(header, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 3); // version 3: recent ESXi refuses older stream files
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), 0x30001); // newline test, compressed grains, markers
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(12), VirtualSize / Sector);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(20), GrainSectors);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(28), DescriptorSector);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(36), _descriptorSectors);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(44), TableEntries);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(56), directorySector);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(64), Overhead);
            new byte[] { 0x0A, 0x20, 0x0D, 0x0A }.CopyTo(header, 73);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(77), 1); // deflate
            return header;
        }

        private static byte[] Descriptor(long capacitySectors, string extentName)
        {
            // The name sits in a quoted value of a line-based text: quotes and control characters would break it.
            var safeName = new StringBuilder(extentName.Length);
            foreach (char c in extentName)
            {
                safeName.Append(c < 0x20 || c > 0x7E || c == '"' ? '_' : c);
            }

            long cylinders = Math.Min(capacitySectors / (255 * 63), 65535);
            string text = string.Join("\n",
                "# Disk DescriptorFile",
                "version=1",
                "CID=" + ((uint)Guid.NewGuid().GetHashCode()).ToString("x8", CultureInfo.InvariantCulture),
                "parentCID=ffffffff",
                "createType=\"streamOptimized\"",
                "",
                "# Extent description",
                $"RW {capacitySectors.ToString(CultureInfo.InvariantCulture)} SPARSE \"{safeName}\"",
                "",
                "# The Disk Data Base",
                "#DDB",
                "",
                "ddb.virtualHWVersion = \"4\"",
                $"ddb.geometry.cylinders = \"{Math.Max(cylinders, 1).ToString(CultureInfo.InvariantCulture)}\"",
                "ddb.geometry.heads = \"255\"",
                "ddb.geometry.sectors = \"63\"",
                "ddb.adapterType = \"lsilogic\"",
                "");
            byte[] ascii = Encoding.ASCII.GetBytes(text);
            var padded = new byte[(ascii.Length + Sector - 1) / Sector * Sector];
            ascii.CopyTo(padded, 0);
            return padded;
        }
    }
}
