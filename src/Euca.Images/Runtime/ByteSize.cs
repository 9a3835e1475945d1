using System.Globalization;

namespace Euca.Images.Runtime
{
    /// <summary>Human-readable byte counts for progress and status text (binary units, as disk tools use).</summary>
    internal static class ByteSize
    {
        private static readonly string[] s_units = { "B", "KiB", "MiB", "GiB", "TiB" };

        public static string Format(long bytes)
        {
            double value = bytes;
            int unit = 0;
            while (value >= 1024 && unit < s_units.Length - 1)
            {
                value /= 1024;
                unit++;
            }

            return unit == 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} B", bytes)
                : string.Format(CultureInfo.InvariantCulture, "{0:0.0} {1}", value, s_units[unit]);
        }
    }
}
