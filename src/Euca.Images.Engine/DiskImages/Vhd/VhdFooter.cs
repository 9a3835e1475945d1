using System;
using System.Buffers.Binary;
using System.Text;

namespace Euca.Images.Engine.DiskImages.Vhd
{
    /// <summary>
    /// The 512-byte VHD footer ("conectix", big-endian), at the end of every VHD and copied to the start of dynamic
    /// ones. Its checksum is the one's complement of the byte sum with the checksum field taken as zero.
    /// </summary>
    internal sealed class VhdFooter
    {
        public const int Length = 512;
        public const int TypeFixed = 2;
        public const int TypeDynamic = 3;
        public const int TypeDifferencing = 4;
        private const uint FormatVersion = 0x00010000;
        private static readonly byte[] Cookie = Encoding.ASCII.GetBytes("conectix");

        private VhdFooter(byte[] bytes)
        {
            Bytes = bytes;
            DataOffset = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(16));
            CurrentSize = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(48));
            DiskType = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(60));
        }

        public byte[] Bytes { get; }

        public long DataOffset { get; }

        public long CurrentSize { get; }

        public int DiskType { get; }

        public static bool HasCookie(byte[] bytes, int at) => bytes.AsSpan(at, Cookie.Length).SequenceEqual(Cookie);

        /// <summary>
        /// Whether a footer is claimed at all: the cookie and the format version. A raw disk that merely ends in
        /// "conectix" is not a VHD, but one that also carries the version is one, and must then be valid.
        /// </summary>
        public static bool LooksLikeFooter(byte[] bytes) =>
            HasCookie(bytes, 0) && BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(12)) == FormatVersion;

        /// <summary>The footer, or a refusal naming what is wrong with it.</summary>
        public static VhdFooter Parse(byte[] bytes, string path, string where)
        {
            if (!HasCookie(bytes, 0))
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the VHD footer {where} lacks its 'conectix' cookie");
            }

            if (Checksum(bytes, 64) != BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(64)))
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the checksum of the VHD footer {where} does not match");
            }

            var footer = new VhdFooter(bytes);
            if (footer.DiskType < TypeFixed || footer.DiskType > TypeDifferencing)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the VHD footer {where} names disk type {footer.DiskType} (2, 3 or 4 expected)");
            }

            if (footer.CurrentSize <= 0 || footer.CurrentSize % 512 != 0)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the VHD footer {where} gives a disk size of {footer.CurrentSize} bytes, not a positive multiple of 512");
            }

            return footer;
        }

        /// <summary>The VHD checksum of <paramref name="bytes"/> with the 4 bytes at <paramref name="checksumAt"/> taken as zero.</summary>
        public static uint Checksum(byte[] bytes, int checksumAt)
        {
            uint sum = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                if (i < checksumAt || i >= checksumAt + 4)
                {
                    sum += bytes[i];
                }
            }

            return ~sum;
        }
    }
}
