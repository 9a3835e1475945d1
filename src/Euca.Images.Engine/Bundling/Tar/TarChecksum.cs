namespace Euca.Images.Engine.Bundling.Tar
{
    internal static class TarChecksum
    {
        /// <summary>Unsigned byte sum of the header with the checksum field counted as eight spaces.</summary>
        public static int Compute(byte[] header)
        {
            int sum = 0;
            for (int i = 0; i < TarConstants.BlockSize; i++)
            {
                sum += i >= 148 && i < 156 ? ' ' : header[i];
            }
            return sum;
        }

        /// <summary>Historic tars summed signed bytes; both sums are accepted, as GNU tar does.</summary>
        public static bool Matches(byte[] header, long stored)
        {
            int unsignedSum = 0;
            int signedSum = 0;
            for (int i = 0; i < TarConstants.BlockSize; i++)
            {
                int b = i >= 148 && i < 156 ? ' ' : header[i];
                unsignedSum += b;
                signedSum += (sbyte)b;
            }
            return stored == unsignedSum || stored == signedSum;
        }
    }
}
