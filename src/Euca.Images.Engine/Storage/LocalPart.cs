namespace Euca.Images.Engine.Storage
{
    /// <summary>A part file on disk to upload, with its MD5 (what a correct ETag will be).</summary>
    internal sealed class LocalPart
    {
        public LocalPart(int index, string fileName, string path, long size, string md5Hex)
        {
            Index = index;
            FileName = fileName;
            Path = path;
            Size = size;
            Md5Hex = md5Hex;
        }

        public int Index { get; }

        public string FileName { get; }

        public string Path { get; }

        public long Size { get; }

        public string Md5Hex { get; }
    }
}
