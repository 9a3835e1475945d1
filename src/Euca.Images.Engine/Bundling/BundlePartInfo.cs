namespace Euca.Images.Engine.Bundling
{
    /// <summary>One part file of a bundle on disk.</summary>
    public sealed class BundlePartInfo
    {
        public BundlePartInfo(int index, string fileName, string path, long size, string digest)
        {
            Index = index;
            FileName = fileName;
            Path = path;
            Size = size;
            Digest = digest;
        }

        public int Index { get; }

        public string FileName { get; }

        public string Path { get; }

        public long Size { get; }

        /// <summary>SHA-1 of the part's bytes, lower-case hex, as in the manifest.</summary>
        public string Digest { get; }
    }
}
