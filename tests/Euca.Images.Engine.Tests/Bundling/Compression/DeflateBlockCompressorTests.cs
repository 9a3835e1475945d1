using System;
using System.IO;
using System.IO.Compression;
using System.IO.Hashing;
using System.Linq;
using Euca.Images.Engine.Bundling.Compression;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Compression
{
    public class DeflateBlockCompressorTests
    {
        [Fact]
        public void DotNetCoreDeflateStreamSyncFlushes()
        {
            Assert.True(DeflateBlockCompressor.SupportsIndependentBlocks);
        }

        [Fact]
        public void JoinedBlocksFormOneGzipMemberThatInflates()
        {
            byte[] data = ImageMaker.Mixed(2_000_000, 4);
            var gzip = new MemoryStream();
            gzip.Write(GzipFraming.Header);
            uint crc = 0;
            foreach (var chunk in data.Chunk(300_000))
            {
                CompressedBlock block = DeflateBlockCompressor.Compress(chunk, chunk.Length, CompressionLevel.Optimal);
                Assert.Equal(new byte[] { 0, 0, 0xff, 0xff }, block.Data.AsSpan(block.Length - 4, 4).ToArray());
                gzip.Write(block.Data, 0, block.Length);
                crc = Crc32Combine.Combine(crc, block.Crc32, block.UncompressedLength);
                block.Release();
            }
            gzip.Write(GzipFraming.FinalEmptyBlock);
            gzip.Write(GzipFraming.Trailer(crc, data.Length));
            Assert.Equal(Crc32.HashToUInt32(data), crc);

            gzip.Position = 0;
            var inflated = new MemoryStream();
            using (var reader = new GZipStream(gzip, CompressionMode.Decompress)) reader.CopyTo(inflated);
            Assert.Equal(data, inflated.ToArray());
        }
    }
}
