using System.Globalization;

namespace Euca.Images.Engine.Cloud.Vocabulary
{
    /// <summary>EC2 reports task progress as text such as "45%" (sometimes empty); this reads the number.</summary>
    internal static class CloudPercent
    {
        public static int? Parse(string? text)
        {
            string trimmed = (text ?? string.Empty).Trim().TrimEnd('%').Trim();
            return int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 0 && value <= 100
                ? value
                : (int?)null;
        }
    }
}
