namespace Euca.Images.Engine.DiskImages.Vhdx
{
    /// <summary>
    /// CRC-32C (Castagnoli), which VHDX headers and region tables carry. System.IO.Hashing's Crc32 is the IEEE
    /// polynomial and netstandard2.0 has no hardware CRC-32C, so this is the table-driven reflected form.
    /// </summary>
    internal static class Crc32C
    {
        private static readonly uint[] Table = BuildTable();

        /// <summary>The CRC of <paramref name="data"/> with the 4 bytes at <paramref name="zeroAt"/> taken as zero.</summary>
        public static uint Compute(byte[] data, int zeroAt)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = 0; i < data.Length; i++)
            {
                byte b = i >= zeroAt && i < zeroAt + 4 ? (byte)0 : data[i];
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return ~crc;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                uint c = i;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0x82F63B78 ^ (c >> 1) : c >> 1;
                }

                table[i] = c;
            }

            return table;
        }
    }
}
