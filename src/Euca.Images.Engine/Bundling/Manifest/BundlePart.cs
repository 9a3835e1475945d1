namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// One <c>image/parts/part</c>. The format records no part size; readers learn it from the file or object.
    /// </summary>
    public sealed class BundlePart
    {
        public BundlePart(int index, string fileName, string digest)
        {
            Index = index;
            FileName = fileName;
            Digest = digest;
        }

        public int Index { get; }

        /// <summary>A bare file name (never a path), e.g. <c>disk.img.part.00</c>.</summary>
        public string FileName { get; }

        /// <summary>Lower-case hex SHA-1 of the part's (encrypted) bytes.</summary>
        public string Digest { get; }
    }
}
