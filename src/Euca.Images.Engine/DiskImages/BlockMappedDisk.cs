using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>
    /// The reading every table-mapped format shares (VHD, VHDX, sparse VMDK, QCOW2): the disk is cut into equal
    /// blocks, a format's table says where each one is, unallocated blocks become zeros without touching the file,
    /// neighbouring blocks stored one after the other are read in one call, and the last decompressed block is kept
    /// so small reads inside it do not inflate it again.
    /// </summary>
    internal abstract class BlockMappedDisk : DiskReader
    {
        private byte[]? _inflated;
        private byte[]? _stored;
        private long _inflatedBlock = -1;

        protected BlockMappedDisk(ImageFile file, long virtualSize, int blockSize)
        {
            File = file;
            VirtualSize = virtualSize;
            BlockSize = blockSize;
        }

        protected ImageFile File { get; }

        protected int BlockSize { get; }

        protected long BlockCount => (VirtualSize + BlockSize - 1) / BlockSize;

        public override long VirtualSize { get; }

        public override long FileSize => File.Length;

        /// <summary>The location of block <paramref name="block"/> (below <see cref="BlockCount"/>).</summary>
        protected abstract BlockLocation Locate(long block);

        /// <summary>Decompresses block <paramref name="block"/> from its stored bytes into all of <paramref name="output"/>, or refuses.</summary>
        protected virtual void Inflate(long block, byte[] stored, int storedLength, byte[] output) =>
            throw new InvalidOperationException(GetType().Name + " stores no compressed blocks.");

        /// <summary>
        /// Inflates raw deflate data into <paramref name="output"/>, stopping when it is full (so a bomb cannot grow
        /// it); returns how many bytes came out. Data that is not deflate is refused as damaged.
        /// </summary>
        protected int InflateRawDeflate(long block, byte[] data, int index, int count, byte[] output)
        {
            int total = 0;
            try
            {
                using var inflater = new DeflateStream(new MemoryStream(data, index, count), CompressionMode.Decompress);
                int n;
                while (total < output.Length && (n = inflater.Read(output, total, output.Length - total)) > 0)
                {
                    total += n;
                }
            }
            catch (InvalidDataException e)
            {
                throw DiskImageFailure.DataInvalid(File.Path, $"compressed block {block} does not inflate ({e.Message})");
            }

            return total;
        }

        /// <summary>Bytes of the virtual disk that block <paramref name="block"/> covers (the last one may be short).</summary>
        protected int BytesInBlock(long block) => (int)Math.Min(BlockSize, VirtualSize - block * BlockSize);

        public override IEnumerable<DiskExtent> Extents() => Merge(Walk());

        private IEnumerable<DiskExtent> Walk()
        {
            long blocks = BlockCount;
            for (long block = 0; block < blocks;)
            {
                BlockLocation location = Locate(block);
                long run = Math.Min(location.Blocks, blocks - block);
                long start = block * BlockSize;
                long end = Math.Min(VirtualSize, (block + run) * BlockSize);
                yield return new DiskExtent(start, end - start, location.Kind != BlockKind.Zero);
                block += run;
            }
        }

        public override void ReadAt(long offset, byte[] buffer, int index, int count)
        {
            while (count > 0)
            {
                long block = offset / BlockSize;
                int within = (int)(offset % BlockSize);
                BlockLocation location = Locate(block);
                int n;
                switch (location.Kind)
                {
                    case BlockKind.Zero:
                        n = (int)Math.Min(count, location.Blocks * BlockSize - within);
                        Array.Clear(buffer, index, n);
                        break;
                    case BlockKind.Data:
                        n = ContiguousBytes(block, location, within, count);
                        File.ReadExactly(location.FileOffset + within, buffer, index, n, "a data block");
                        break;
                    default:
                        n = Math.Min(count, BlockSize - within);
                        Buffer.BlockCopy(InflatedBlock(block, location), within, buffer, index, n);
                        break;
                }

                offset += n;
                index += n;
                count -= n;
            }
        }

        /// <summary>How many of the wanted bytes lie in this block and the following ones stored right after it.</summary>
        private int ContiguousBytes(long block, BlockLocation first, int within, int count)
        {
            int n = Math.Min(count, BlockSize - within);
            long expected = first.FileOffset + BlockSize;
            for (long next = block + 1; n < count; next++, expected += BlockSize)
            {
                BlockLocation location = Locate(next);
                if (location.Kind != BlockKind.Data || location.FileOffset != expected)
                {
                    break;
                }

                n = (int)Math.Min(count, (long)n + BlockSize);
            }

            return n;
        }

        private byte[] InflatedBlock(long block, BlockLocation location)
        {
            if (_inflatedBlock != block)
            {
                _inflated ??= new byte[BlockSize];
                if (_stored == null || _stored.Length < location.StoredLength)
                {
                    _stored = new byte[location.StoredLength];
                }

                int stored = File.ReadAvailable(location.FileOffset, _stored, 0, location.StoredLength);
                _inflatedBlock = -1;
                Inflate(block, _stored, stored, _inflated);
                _inflatedBlock = block;
            }

            return _inflated!;
        }

        public override void Dispose() => File.Dispose();
    }
}
