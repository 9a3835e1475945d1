using System.Text;

namespace Euca.Images.Engine.Bundling.Payload
{
    internal static class Hex
    {
        public static string Lower(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                text.Append("0123456789abcdef"[b >> 4]).Append("0123456789abcdef"[b & 15]);
            }
            return text.ToString();
        }
    }
}
