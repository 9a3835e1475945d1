namespace Euca.Images.Engine.Bundling.Tar
{
    /// <summary>A stretch of a sparse file that holds data; everything between regions is a hole (zeros).</summary>
    internal readonly struct SparseRegion
    {
        public SparseRegion(long offset, long length)
        {
            Offset = offset;
            Length = length;
        }

        public long Offset { get; }

        public long Length { get; }
    }
}
