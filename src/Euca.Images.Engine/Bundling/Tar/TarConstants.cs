namespace Euca.Images.Engine.Bundling.Tar
{
    internal static class TarConstants
    {
        public const int BlockSize = 512;

        /// <summary>Python's tarfile (and GNU tar) pad the archive to a record of 20 blocks.</summary>
        public const int RecordSize = 20 * BlockSize;

        public const int NameLength = 100;

        public static long PadToBlock(long length) => (length + BlockSize - 1) / BlockSize * BlockSize;
    }
}
