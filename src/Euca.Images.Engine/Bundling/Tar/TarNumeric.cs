using System;
using System.Text;

namespace Euca.Images.Engine.Bundling.Tar
{
    /// <summary>
    /// Numeric header fields as GNU tar and Python's tarfile write them: octal digits ended by NUL or space, or,
    /// for values too large for the octal digits (sizes of 8 GiB and more), GNU base-256: first byte 0x80, then
    /// the value big-endian in the remaining bytes.
    /// </summary>
    internal static class TarNumeric
    {
        public static void WriteOctal(byte[] header, int offset, int fieldLength, long value)
        {
            // fieldLength - 1 octal digits, zero-padded, then NUL (Python 2 tarfile's itn()).
            string digits = Convert.ToString(value, 8).PadLeft(fieldLength - 1, '0');
            Encoding.ASCII.GetBytes(digits, 0, digits.Length, header, offset);
            header[offset + fieldLength - 1] = 0;
        }

        public static bool FitsOctal(long value, int fieldLength) => value >= 0 && value < 1L << (3 * (fieldLength - 1));

        public static void WriteBase256(byte[] header, int offset, int fieldLength, long value)
        {
            for (int i = fieldLength - 1; i > 0; i--)
            {
                header[offset + i] = (byte)(value & 0xff);
                value >>= 8;
            }
            header[offset] = 0x80;
        }

        public static long Parse(byte[] header, int offset, int fieldLength, string fieldName)
        {
            if ((header[offset] & 0x80) != 0)
            {
                if (header[offset] != 0x80)
                {
                    throw new TarFormatException($"The tar header field '{fieldName}' holds a negative or unsupported binary number.");
                }
                long binary = 0;
                for (int i = 1; i < fieldLength; i++)
                {
                    if ((binary >> 55) != 0)
                    {
                        throw new TarFormatException($"The tar header field '{fieldName}' is too large.");
                    }
                    binary = (binary << 8) | header[offset + i];
                }
                return binary;
            }

            int end = offset + fieldLength;
            int pos = offset;
            while (pos < end && (header[pos] == (byte)' ' || header[pos] == 0))
            {
                pos++;
            }
            long value = 0;
            for (; pos < end && header[pos] != 0 && header[pos] != (byte)' '; pos++)
            {
                int digit = header[pos] - '0';
                if (digit < 0 || digit > 7)
                {
                    throw new TarFormatException($"The tar header field '{fieldName}' is not an octal number.");
                }
                value = (value << 3) | (uint)digit;
            }
            return value;
        }
    }
}
