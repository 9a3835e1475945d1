using System;
using System.Buffers.Binary;

namespace Euca.Images.Engine.DiskImages.Vmdk
{
    /// <summary>
    /// The hosted sparse extent header ("KDMV", little-endian) of monolithicSparse and streamOptimized VMDKs. VMware's
    /// stream files say "grain directory at the end" and keep the real header in a footer before the end-of-stream
    /// marker; qemu's stream files keep the grain directory at the front.
    /// </summary>
    internal sealed class VmdkSparseHeader
    {
        public const int Length = 512;
        private const ulong GdAtEnd = ulong.MaxValue;
        private const uint FlagNewlineTest = 1;
        private const uint FlagZeroedGrain = 4;
        private const uint FlagCompressed = 1 << 16;
        private const long MaxGrainSectors = 32768; // 16 MiB: one grain is held in memory while it is inflated
        private const long MaxCapacitySectors = 1L << 32; // grain table entries are 32-bit sector numbers
        private const int MarkerFooter = 3;

        public long CapacitySectors { get; private set; }

        public long GrainSectors { get; private set; }

        public int GrainTableEntries { get; private set; }

        public long GrainDirectorySector { get; private set; }

        public long DescriptorSector { get; private set; }

        public long DescriptorSectors { get; private set; }

        public bool Compressed { get; private set; }

        public bool ZeroedGrains { get; private set; }

        public static VmdkSparseHeader Read(ImageFile file)
        {
            string path = file.Path;
            VmdkSparseHeader header = Parse(file.ReadBytes(0, Length, "the VMDK header"), path, "header");
            if (header.GrainDirectorySector != unchecked((long)GdAtEnd))
            {
                return header;
            }

            // Footer marker, footer (a header copy with the real grain directory offset), end-of-stream marker.
            if (file.Length < 3 * Length)
            {
                throw DiskImageFailure.BeyondFile(path, "the stream-optimized VMDK keeps its grain directory at the end, but the file is too short for the footer");
            }

            byte[] marker = file.ReadBytes(file.Length - 3 * Length, Length, "the VMDK footer marker");
            if (BinaryPrimitives.ReadUInt32LittleEndian(marker.AsSpan(8)) != 0 || BinaryPrimitives.ReadUInt32LittleEndian(marker.AsSpan(12)) != MarkerFooter)
            {
                throw DiskImageFailure.HeaderInvalid(path, "the stream-optimized VMDK has no footer marker before its last two sectors");
            }

            VmdkSparseHeader footer = Parse(file.ReadBytes(file.Length - 2 * Length, Length, "the VMDK footer"), path, "footer");
            if (footer.CapacitySectors != header.CapacitySectors || footer.GrainSectors != header.GrainSectors || footer.GrainDirectorySector == unchecked((long)GdAtEnd))
            {
                throw DiskImageFailure.HeaderInvalid(path, "the VMDK footer disagrees with the header or gives no grain directory");
            }

            footer.DescriptorSector = header.DescriptorSector;
            footer.DescriptorSectors = header.DescriptorSectors;
            return footer;
        }

        /// <summary>The header sector alone, for a VMDK that is not a local file (its capacity is all that is read).</summary>
        internal static VmdkSparseHeader ParseHeader(byte[] sector, string name) => Parse(sector, name, "header");

        private static VmdkSparseHeader Parse(byte[] h, string path, string which)
        {
            uint version = BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(4));
            uint flags = BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(8));
            if (!h.AsSpan(0, 4).SequenceEqual(new[] { (byte)'K', (byte)'D', (byte)'M', (byte)'V' }) || version < 1 || version > 3)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the VMDK {which} has no KDMV magic or an unknown version {version}");
            }

            if ((flags & FlagNewlineTest) != 0 && !h.AsSpan(73, 4).SequenceEqual(new byte[] { 0x0A, 0x20, 0x0D, 0x0A }))
            {
                throw DiskImageFailure.HeaderInvalid(path, "the VMDK newline test bytes are altered (the file went through a text-mode transfer)");
            }

            var header = new VmdkSparseHeader
            {
                CapacitySectors = BinaryPrimitives.ReadInt64LittleEndian(h.AsSpan(12)),
                GrainSectors = BinaryPrimitives.ReadInt64LittleEndian(h.AsSpan(20)),
                DescriptorSector = BinaryPrimitives.ReadInt64LittleEndian(h.AsSpan(28)),
                DescriptorSectors = BinaryPrimitives.ReadInt64LittleEndian(h.AsSpan(36)),
                GrainTableEntries = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(44))),
                GrainDirectorySector = BinaryPrimitives.ReadInt64LittleEndian(h.AsSpan(56)),
                Compressed = (flags & FlagCompressed) != 0,
                ZeroedGrains = (flags & FlagZeroedGrain) != 0,
            };
            ushort algorithm = BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(77));
            if (algorithm > 1 || header.Compressed != (algorithm == 1))
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the VMDK compression algorithm {algorithm} does not match its flags");
            }

            long grain = header.GrainSectors;
            if (grain < 1 || grain > MaxGrainSectors || (grain & (grain - 1)) != 0)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the grain size of {grain} sectors is not a power of two up to {MaxGrainSectors}");
            }

            if (header.GrainTableEntries < 1 || header.GrainTableEntries > 512)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"a grain table of {header.GrainTableEntries} entries is outside 1 to 512");
            }

            if (header.CapacitySectors <= 0 || header.CapacitySectors > MaxCapacitySectors)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the capacity of {header.CapacitySectors} sectors is outside what a sparse extent can map");
            }

            return header;
        }
    }
}
