using System.IO;
using System.Security.Cryptography;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Storage
{
    internal static class FileMd5
    {
        public static string Of(string path)
        {
            using (var md5 = MD5.Create())
            using (var file = RegularFile.OpenRead(path, 1 << 16, FileOptions.SequentialScan))
            {
                return HexEncoding.ToLowerHex(md5.ComputeHash(file));
            }
        }
    }
}
