namespace Euca.Images.Engine.DiskImages
{
    /// <summary>
    /// A stretch of the virtual disk: allocated (its bytes are stored in the image) or not (zeros that are never read
    /// from the file).
    /// </summary>
    public readonly struct DiskExtent
    {
        public DiskExtent(long offset, long length, bool allocated)
        {
            Offset = offset;
            Length = length;
            IsAllocated = allocated;
        }

        public long Offset { get; }

        public long Length { get; }

        public long End => Offset + Length;

        public bool IsAllocated { get; }
    }
}
