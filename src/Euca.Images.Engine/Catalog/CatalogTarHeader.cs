using System;
using System.Linq;
using System.Text;
using Euca.Images.Engine.Bundling.Tar;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// One header block of a tar from a catalog (an image tarball read by Install, a euimage pack read by Find): its
    /// type, declared size and name (ustar prefix included). Numbers and the checksum are read with the bundle
    /// payload's tar primitives (Bundling/Tar: octal or GNU base-256, unsigned or historic signed sums); what is wrong
    /// with a header is reported through the caller's error, since Install and Find report damage differently.
    /// </summary>
    internal sealed class CatalogTarHeader
    {
        public const int BlockSize = TarConstants.BlockSize;

        private CatalogTarHeader(char type, long size, string name)
        {
            Type = type;
            Size = size;
            Name = name;
        }

        /// <summary>The type flag ('0', '5', 'L', 'x', ...).</summary>
        public char Type { get; }

        /// <summary>The size field; a pax header before it may say otherwise (<see cref="TarExtendedHeaders"/>).</summary>
        public long Size { get; }

        public string Name { get; }

        /// <summary>A GNU long name ('L'), pax ('x') or pax global ('g') header: metadata, not a member.</summary>
        public bool IsExtension => Type == 'L' || Type == 'x' || Type == 'g';

        public bool IsRegularFile => Type == '0' || Type == '\0' || Type == '7';

        public bool IsFolder => Type == '5';

        /// <summary>Whether <paramref name="block"/> is a tar header: a full block, not all zeros, whose checksum is right.</summary>
        public static bool IsHeader(byte[] block)
        {
            if (block.Length < BlockSize || IsEnd(block))
            {
                return false;
            }

            try
            {
                return TarChecksum.Matches(block, TarNumeric.Parse(block, 148, 8, "chksum"));
            }
            catch (TarFormatException)
            {
                return false;
            }
        }

        /// <summary>A zero block ends the archive.</summary>
        public static bool IsEnd(byte[] block) => block.Take(BlockSize).All(b => b == 0);

        /// <summary>Parses a header block; a wrong checksum or a field that is not a number is <paramref name="corrupt"/>.</summary>
        public static CatalogTarHeader Parse(byte[] block, Func<string, EucaException> corrupt)
        {
            try
            {
                if (!TarChecksum.Matches(block, TarNumeric.Parse(block, 148, 8, "chksum")))
                {
                    throw corrupt("a header's checksum is wrong");
                }

                return new CatalogTarHeader((char)block[156], TarNumeric.Parse(block, 124, 12, "size"), HeaderName(block));
            }
            catch (TarFormatException e)
            {
                throw corrupt(e.Message.TrimEnd('.'));
            }
        }

        /// <summary>The zeros after a member of <paramref name="size"/> bytes, up to the next block.</summary>
        public static long PaddingOf(long size) => (BlockSize - (size % BlockSize)) % BlockSize;

        private static string HeaderName(byte[] block)
        {
            string name = Field(block, 0, 100);
            // POSIX ustar ("ustar\0") splits long paths into a prefix at offset 345 and the name; GNU tar's "ustar  "
            // keeps other fields there.
            string prefix = Encoding.ASCII.GetString(block, 257, 5) == "ustar" && block[262] == 0 ? Field(block, 345, 155) : string.Empty;
            return prefix.Length > 0 ? prefix + "/" + name : name;
        }

        private static string Field(byte[] block, int offset, int length)
        {
            int end = Array.IndexOf(block, (byte)0, offset, length);
            return Encoding.UTF8.GetString(block, offset, (end < 0 ? offset + length : end) - offset);
        }
    }
}
