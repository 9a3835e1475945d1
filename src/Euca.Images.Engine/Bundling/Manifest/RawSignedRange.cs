using System;
using System.Text;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// Cuts the signed text out of a manifest's raw bytes the way ec2-ami-tools (xmlutil.rb get_xml) and
    /// Eucalyptus do: first <c>&lt;machine_configuration&gt;</c> to the first closing tag after it, then the same for
    /// <c>&lt;image&gt;</c>. Producers differ in quoting and declarations, so re-serialised XML would not verify.
    /// </summary>
    internal static class RawSignedRange
    {
        public static byte[] Extract(byte[] raw)
        {
            byte[] machineConfiguration = Between(raw, "machine_configuration");
            byte[] image = Between(raw, "image");
            var signed = new byte[machineConfiguration.Length + image.Length];
            Buffer.BlockCopy(machineConfiguration, 0, signed, 0, machineConfiguration.Length);
            Buffer.BlockCopy(image, 0, signed, machineConfiguration.Length, image.Length);
            return signed;
        }

        /// <summary>The element's text including both tags, or nothing when either tag is missing.</summary>
        private static byte[] Between(byte[] raw, string element)
        {
            byte[] open = Encoding.ASCII.GetBytes("<" + element + ">");
            byte[] close = Encoding.ASCII.GetBytes("</" + element + ">");
            int start = IndexOf(raw, open, 0);
            if (start < 0) return Array.Empty<byte>();
            int end = IndexOf(raw, close, start + open.Length);
            if (end < 0) return Array.Empty<byte>();
            int length = end + close.Length - start;
            var range = new byte[length];
            Buffer.BlockCopy(raw, start, range, 0, length);
            return range;
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int from)
        {
            for (int i = from; i <= haystack.Length - needle.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j]) j++;
                if (j == needle.Length) return i;
            }
            return -1;
        }
    }
}
