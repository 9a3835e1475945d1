using System;
using System.Buffers.Binary;

namespace Euca.Images.Engine.DiskImages.Qcow2
{
    /// <summary>
    /// The QCOW2 header (big-endian), versions 2 and 3, with the checks qemu makes and the refusals of what a
    /// stand-alone reader cannot honour: backing files, encryption, zstd, subclusters, external data files.
    /// </summary>
    internal sealed class Qcow2Header
    {
        public const int HeaderReadLength = 4096;
        private const ulong IncompatibleDirty = 1;
        private const ulong IncompatibleCorrupt = 2;
        private const ulong IncompatibleDataFile = 4;
        private const ulong IncompatibleCompressionType = 8;
        private const ulong IncompatibleExtendedL2 = 16;
        private const long MaxL1Bytes = 32 << 20;
        private const long MaxRefcountTableBytes = 8 << 20;

        public int Version { get; private set; }

        public int ClusterBits { get; private set; }

        public int ClusterSize => 1 << ClusterBits;

        public long Size { get; private set; }

        public int L1Size { get; private set; }

        public long L1Offset { get; private set; }

        public long RefcountTableOffset { get; private set; }

        public int RefcountTableClusters { get; private set; }

        public static Qcow2Header Parse(ImageFile file)
        {
            string path = file.Path;
            var bytes = new byte[HeaderReadLength];
            if (file.ReadAvailable(0, bytes, 0, bytes.Length) < 72)
            {
                throw DiskImageFailure.BeyondFile(path, "the QCOW2 header is cut short");
            }

            ReadOnlySpan<byte> h = bytes;
            int version = BinaryPrimitives.ReadInt32BigEndian(h.Slice(4));
            if (version == 1)
            {
                throw DiskImageFailure.Unsupported(path, "a QCOW (version 1) image");
            }

            if (version != 2 && version != 3)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"QCOW2 version {version} is not 2 or 3");
            }

            var header = new Qcow2Header
            {
                Version = version,
                ClusterBits = BinaryPrimitives.ReadInt32BigEndian(h.Slice(20)),
                Size = BinaryPrimitives.ReadInt64BigEndian(h.Slice(24)),
                L1Size = BinaryPrimitives.ReadInt32BigEndian(h.Slice(36)),
                L1Offset = BinaryPrimitives.ReadInt64BigEndian(h.Slice(40)),
                RefcountTableOffset = BinaryPrimitives.ReadInt64BigEndian(h.Slice(48)),
                RefcountTableClusters = BinaryPrimitives.ReadInt32BigEndian(h.Slice(56)),
            };
            header.CheckFeatures(h, path);
            header.CheckTables(file);
            return header;
        }

        private void CheckFeatures(ReadOnlySpan<byte> h, string path)
        {
            if (ClusterBits < 9 || ClusterBits > 21)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the cluster size 2^{ClusterBits} is outside 512 bytes to 2 MiB");
            }

            int headerLength = 72;
            if (Version == 3)
            {
                headerLength = BinaryPrimitives.ReadInt32BigEndian(h.Slice(100));
                if (headerLength < 104 || headerLength % 8 != 0 || headerLength > ClusterSize)
                {
                    throw DiskImageFailure.HeaderInvalid(path, $"the header length {headerLength} is not a multiple of 8 from 104 to one cluster");
                }

                ulong incompatible = BinaryPrimitives.ReadUInt64BigEndian(h.Slice(72));
                RefuseIncompatible(incompatible, headerLength > 104 ? h[104] : (byte)0, path);
            }

            if (BinaryPrimitives.ReadInt64BigEndian(h.Slice(8)) != 0)
            {
                throw DiskImageFailure.HasParent(path, "a QCOW2 overlay with a backing file");
            }

            uint crypt = BinaryPrimitives.ReadUInt32BigEndian(h.Slice(32));
            if (crypt == 1 || crypt == 2)
            {
                throw new Errors.EucaException(Errors.ErrorIds.DiskImageEncrypted, Errors.EucaErrorCategory.NotImplemented,
                    $"The QCOW2 image '{path}' is encrypted ({(crypt == 1 ? "AES" : "LUKS")}). Decrypt it first: qemu-img convert --object secret,... -O qcow2.", path);
            }

            if (crypt != 0)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the encryption method {crypt} is unknown");
            }

            CheckExtensions(h, headerLength, path);
        }

        private static void RefuseIncompatible(ulong incompatible, byte compressionType, string path)
        {
            if ((incompatible & IncompatibleCorrupt) != 0)
            {
                throw DiskImageFailure.HeaderInvalid(path, "qemu marked the image corrupt; run 'qemu-img check -r all' on it");
            }

            if ((incompatible & IncompatibleDataFile) != 0)
            {
                throw DiskImageFailure.Unsupported(path, "a QCOW2 image with an external data file");
            }

            if ((incompatible & IncompatibleCompressionType) != 0 && compressionType != 0)
            {
                throw DiskImageFailure.Unsupported(path, "a QCOW2 image with zstd-compressed clusters");
            }

            if ((incompatible & IncompatibleExtendedL2) != 0)
            {
                throw DiskImageFailure.Unsupported(path, "a QCOW2 image with subclusters (extended L2 entries)");
            }

            ulong known = IncompatibleDirty | IncompatibleCorrupt | IncompatibleDataFile | IncompatibleCompressionType | IncompatibleExtendedL2;
            if ((incompatible & ~known) != 0)
            {
                throw DiskImageFailure.Unsupported(path, $"a QCOW2 image with unknown incompatible features 0x{incompatible & ~known:x}");
            }
        }

        /// <summary>Header extensions (type, length, data padded to 8) must end inside the first cluster.</summary>
        private void CheckExtensions(ReadOnlySpan<byte> h, int at, string path)
        {
            int limit = Math.Min(ClusterSize, HeaderReadLength);
            while (true)
            {
                if (at + 8 > limit)
                {
                    throw DiskImageFailure.HeaderInvalid(path, "the header extensions run past the first cluster");
                }

                uint type = BinaryPrimitives.ReadUInt32BigEndian(h.Slice(at));
                uint length = BinaryPrimitives.ReadUInt32BigEndian(h.Slice(at + 4));
                if (type == 0)
                {
                    return;
                }

                long next = at + 8 + ((length + 7L) & ~7L);
                if (next > limit)
                {
                    throw DiskImageFailure.HeaderInvalid(path, $"header extension 0x{type:x8} runs past the first cluster");
                }

                at = (int)next;
            }
        }

        private void CheckTables(ImageFile file)
        {
            string path = file.Path;
            long clusters = (Size + ClusterSize - 1) >> ClusterBits;
            long l2Entries = ClusterSize / 8;
            if (Size < 0 || L1Size < 0 || (long)L1Size * 8 > MaxL1Bytes || (long)L1Size * l2Entries < clusters)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the L1 table of {L1Size} entries cannot map the {Size}-byte disk (or exceeds 32 MiB)");
            }

            if (L1Offset % ClusterSize != 0 || (L1Size > 0 && L1Offset < ClusterSize))
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the L1 table offset {L1Offset} is not a cluster boundary after the header");
            }

            if (RefcountTableOffset % ClusterSize != 0 || RefcountTableOffset < ClusterSize || (long)RefcountTableClusters * ClusterSize > MaxRefcountTableBytes || RefcountTableClusters < 0)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the refcount table at {RefcountTableOffset} ({RefcountTableClusters} clusters) is misplaced or larger than 8 MiB");
            }

            if (L1Offset + (long)L1Size * 8 > file.Length)
            {
                throw DiskImageFailure.BeyondFile(path, $"the L1 table at byte {L1Offset} ends past the end of the {file.Length}-byte file");
            }
        }
    }
}
