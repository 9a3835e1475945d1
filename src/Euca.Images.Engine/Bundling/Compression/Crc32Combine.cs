namespace Euca.Images.Engine.Bundling.Compression
{
    /// <summary>
    /// CRC-32 (the gzip/zlib polynomial) of a concatenation from the CRCs of its pieces, so parallel workers can
    /// each checksum their own block. Works in GF(2) polynomial arithmetic modulo the reflected CRC polynomial:
    /// appending len2 bytes multiplies crc1 by x^(8*len2), which is found by squaring.
    /// </summary>
    internal static class Crc32Combine
    {
        private const uint Polynomial = 0xedb88320;

        // PowersOfTwo[k] = x^(2^k) modulo the polynomial, in the reflected bit order (x^0 is the top bit).
        private static readonly uint[] PowersOfTwo = BuildPowersOfTwo();

        public static uint Combine(uint crc1, uint crc2, long length2)
        {
            if (length2 <= 0)
            {
                return crc1;
            }
            return Multiply(XPowerEightN(length2), crc1) ^ crc2;
        }

        private static uint[] BuildPowersOfTwo()
        {
            var table = new uint[32];
            uint p = 1u << 30; // x^1
            for (int k = 0; k < table.Length; k++)
            {
                table[k] = p;
                p = Multiply(p, p);
            }
            return table;
        }

        /// <summary>x^(8n) modulo the polynomial: multiply together x^(2^k) for every bit k set in 8n.</summary>
        private static uint XPowerEightN(long n)
        {
            uint result = 1u << 31; // x^0
            int k = 3;              // 8n = n << 3
            while (n != 0)
            {
                if ((n & 1) != 0)
                {
                    result = Multiply(PowersOfTwo[k & 31], result);
                }
                n >>= 1;
                k++;
            }
            return result;
        }

        private static uint Multiply(uint a, uint b)
        {
            uint product = 0;
            for (uint bit = 1u << 31; bit != 0; bit >>= 1)
            {
                if ((a & bit) != 0)
                {
                    product ^= b;
                }
                b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
            }
            return product;
        }
    }
}
