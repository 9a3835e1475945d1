using System;
using System.IO;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// A part to upload, held locally in a file or in a memory buffer, with its MD5 (what a correct ETag will be).
    /// The body can be opened again for every attempt, because a retried PUT sends it from the start.
    /// </summary>
    internal sealed class LocalPart
    {
        private readonly Func<Stream> _openBody;

        private LocalPart(int index, string fileName, long size, string md5Hex, Func<Stream> openBody)
        {
            Index = index;
            FileName = fileName;
            Size = size;
            Md5Hex = md5Hex;
            _openBody = openBody;
        }

        public int Index { get; }

        public string FileName { get; }

        public long Size { get; }

        public string Md5Hex { get; }

        public static LocalPart FromFile(int index, string fileName, string path, long size, string md5Hex) =>
            new LocalPart(index, fileName, size, md5Hex, () => ObjectStore.OpenFileBody(path));

        public static LocalPart FromBuffer(int index, string fileName, byte[] buffer, int size, string md5Hex) =>
            new LocalPart(index, fileName, size, md5Hex, () => new MemoryStream(buffer, 0, size, writable: false));

        public Stream OpenBody() => _openBody();
    }
}
