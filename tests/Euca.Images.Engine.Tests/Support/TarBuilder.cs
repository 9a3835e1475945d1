using System;
using System.IO;
using System.Text;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Writes ustar archives entry by entry, including entries no honest tar tool writes (paths out of the archive,
    /// sizes the data does not have), for the catalog tarball reader's tests.
    /// </summary>
    internal sealed class TarBuilder
    {
        private readonly MemoryStream _tar = new MemoryStream();

        /// <summary>Adds an entry; <paramref name="declaredSize"/> overrides the size written in the header.</summary>
        public TarBuilder Add(string name, byte[] data, char type = '0', long? declaredSize = null, string linkTarget = "")
        {
            var header = new byte[512];
            Put(header, 0, name, 100);
            Put(header, 100, "0000644", 8);
            Put(header, 108, "0000000", 8);
            Put(header, 116, "0000000", 8);
            Put(header, 124, Convert.ToString(declaredSize ?? data.Length, 8).PadLeft(11, '0'), 12);
            Put(header, 136, "00000000000", 12);
            header[156] = (byte)type;
            Put(header, 157, linkTarget, 100);
            Put(header, 257, "ustar", 6);
            Put(header, 263, "00", 2);
            for (int i = 148; i < 156; i++)
            {
                header[i] = (byte)' ';
            }

            int sum = 0;
            foreach (byte b in header)
            {
                sum += b;
            }

            Put(header, 148, Convert.ToString(sum, 8).PadLeft(6, '0'), 7);
            _tar.Write(header);
            _tar.Write(data);
            _tar.Write(new byte[(512 - data.Length % 512) % 512]);
            return this;
        }

        public TarBuilder Add(string name, string text) => Add(name, Encoding.UTF8.GetBytes(text));

        /// <summary>The archive with its two zero blocks at the end.</summary>
        public byte[] ToArray()
        {
            var copy = new MemoryStream();
            _tar.Position = 0;
            _tar.CopyTo(copy);
            copy.Write(new byte[1024]);
            return copy.ToArray();
        }

        private static void Put(byte[] header, int offset, string text, int length)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            Array.Copy(bytes, 0, header, offset, Math.Min(bytes.Length, length));
        }
    }
}
