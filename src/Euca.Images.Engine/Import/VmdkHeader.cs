using System;
using System.IO;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// The virtual disk size of a sparse or stream-optimized VMDK: euca2ools sends it as Image.Bytes
    /// (capacity in 512-byte sectors, little-endian at offset 12 after the "KDMV" magic and version and flags).
    /// </summary>
    internal static class VmdkHeader
    {
        private const uint Magic = 0x564D444B; // "KDMV" read little-endian

        public static long ReadCapacityBytes(string path)
        {
            var header = new byte[20];
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                int read = 0;
                while (read < header.Length)
                {
                    int n = file.Read(header, read, header.Length - read);
                    if (n == 0) break;
                    read += n;
                }

                if (read < header.Length || BitConverter.ToUInt32(header, 0) != Magic)
                {
                    throw new EucaException(ErrorIds.ImportVmdkInvalid, EucaErrorCategory.InvalidData,
                        $"'{path}' is not a sparse or stream-optimized VMDK (no KDMV header); import it with -Format Raw or convert it first.", path);
                }
            }

            return checked((long)BitConverter.ToUInt64(header, 12) * 512);
        }
    }
}
