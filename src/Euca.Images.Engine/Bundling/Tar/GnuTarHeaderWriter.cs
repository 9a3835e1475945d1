using System;
using System.IO;
using System.Text;

namespace Euca.Images.Engine.Bundling.Tar
{
    /// <summary>
    /// Writes the header of the bundle's single tar member the way euca2ools does (Python 2 tarfile, GNU format,
    /// stream mode): mode 0644, uid/gid 0, mtime 0, empty user and group names, magic "ustar  \0". Names longer
    /// than 100 bytes get a preceding GNU "././@LongLink" entry of type 'L'.
    /// </summary>
    internal static class GnuTarHeaderWriter
    {
        private static readonly byte[] GnuMagic = Encoding.ASCII.GetBytes("ustar  \0");

        /// <summary>All header blocks that precede the member's data.</summary>
        public static byte[] BuildHeaders(string memberName, long size)
        {
            byte[] name = Encoding.UTF8.GetBytes(memberName);
            var output = new MemoryStream();
            if (name.Length > TarConstants.NameLength)
            {
                // Python 2 stores the name plus a terminating NUL in the LongLink entry's data.
                byte[] longName = new byte[name.Length + 1];
                Buffer.BlockCopy(name, 0, longName, 0, name.Length);
                byte[] longHeader = BuildHeader(Encoding.ASCII.GetBytes("././@LongLink"), longName.Length, (byte)'L', mode: 0);
                output.Write(longHeader, 0, longHeader.Length);
                byte[] padded = new byte[TarConstants.PadToBlock(longName.Length)];
                Buffer.BlockCopy(longName, 0, padded, 0, longName.Length);
                output.Write(padded, 0, padded.Length);
            }
            byte[] header = BuildHeader(name, size, (byte)'0', mode: Convert.ToInt32("644", 8));
            output.Write(header, 0, header.Length);
            return output.ToArray();
        }

        /// <summary>Bytes after the data: padding to a block, two zero blocks, padding to the record size.</summary>
        public static long TrailerLength(long headersLength, long size)
        {
            long beforeTrailer = headersLength + TarConstants.PadToBlock(size);
            long total = beforeTrailer + 2 * TarConstants.BlockSize;
            total = (total + TarConstants.RecordSize - 1) / TarConstants.RecordSize * TarConstants.RecordSize;
            return total - headersLength - size;
        }

        private static byte[] BuildHeader(byte[] name, long size, byte typeFlag, int mode)
        {
            byte[] header = new byte[TarConstants.BlockSize];
            Buffer.BlockCopy(name, 0, header, 0, Math.Min(name.Length, TarConstants.NameLength));
            TarNumeric.WriteOctal(header, 100, 8, mode);
            TarNumeric.WriteOctal(header, 108, 8, 0);
            TarNumeric.WriteOctal(header, 116, 8, 0);
            if (TarNumeric.FitsOctal(size, 12))
            {
                TarNumeric.WriteOctal(header, 124, 12, size);
            }
            else
            {
                TarNumeric.WriteBase256(header, 124, 12, size);
            }
            TarNumeric.WriteOctal(header, 136, 12, 0);
            header[156] = typeFlag;
            Buffer.BlockCopy(GnuMagic, 0, header, 257, GnuMagic.Length);
            TarNumeric.WriteOctal(header, 329, 8, 0);
            TarNumeric.WriteOctal(header, 337, 8, 0);

            // Checksum: computed with the field itself as spaces, stored as 6 octal digits, NUL, space.
            for (int i = 148; i < 156; i++)
            {
                header[i] = (byte)' ';
            }
            TarNumeric.WriteOctal(header, 148, 7, TarChecksum.Compute(header));
            header[155] = (byte)' ';
            return header;
        }
    }
}
