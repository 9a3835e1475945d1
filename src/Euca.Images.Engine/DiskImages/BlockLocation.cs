namespace Euca.Images.Engine.DiskImages
{
    internal enum BlockKind
    {
        /// <summary>Not stored: reads as zeros.</summary>
        Zero,

        /// <summary>Stored as is at <see cref="BlockLocation.FileOffset"/>.</summary>
        Data,

        /// <summary>Stored compressed from <see cref="BlockLocation.FileOffset"/>, <see cref="BlockLocation.StoredLength"/> bytes at most.</summary>
        Compressed,
    }

    /// <summary>Where the bytes of one block of a block-mapped image are, as its allocation table says.</summary>
    internal readonly struct BlockLocation
    {
        private BlockLocation(BlockKind kind, long fileOffset, int storedLength, long blocks)
        {
            Kind = kind;
            FileOffset = fileOffset;
            StoredLength = storedLength;
            Blocks = blocks;
        }

        public BlockKind Kind { get; }

        public long FileOffset { get; }

        public int StoredLength { get; }

        /// <summary>How many blocks from this one share the answer (a whole missing table is one zero run).</summary>
        public long Blocks { get; }

        public static BlockLocation Zero(long blocks = 1) => new BlockLocation(BlockKind.Zero, 0, 0, blocks);

        public static BlockLocation Data(long fileOffset) => new BlockLocation(BlockKind.Data, fileOffset, 0, 1);

        public static BlockLocation Compressed(long fileOffset, int storedLength) => new BlockLocation(BlockKind.Compressed, fileOffset, storedLength, 1);
    }
}
