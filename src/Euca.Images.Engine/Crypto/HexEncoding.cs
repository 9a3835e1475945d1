using System;
using System.Text;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>
    /// Lower-case hex, the only binary encoding the bundle format uses (digests, wrapped keys, signatures).
    /// netstandard2.0 has no Convert.ToHexString, hence this helper.
    /// </summary>
    internal static class HexEncoding
    {
        private const string Digits = "0123456789abcdef";

        public static string ToLowerHex(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            var text = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                text.Append(Digits[b >> 4]).Append(Digits[b & 0xF]);
            }
            return text.ToString();
        }

        /// <summary>Decodes hex of either case; false for odd length or any non-hex character.</summary>
        public static bool TryDecode(string? hex, out byte[] bytes)
        {
            bytes = Array.Empty<byte>();
            if (hex == null || hex.Length % 2 != 0) return false;
            var result = new byte[hex.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                int high = DigitValue(hex[2 * i]);
                int low = DigitValue(hex[2 * i + 1]);
                if (high < 0 || low < 0) return false;
                result[i] = (byte)((high << 4) | low);
            }
            bytes = result;
            return true;
        }

        public static bool IsHex(string? text, int length)
        {
            if (text == null || text.Length != length) return false;
            foreach (char c in text)
            {
                if (DigitValue(c) < 0) return false;
            }
            return true;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
