using System;
using System.IO.Hashing;
using Euca.Images.Engine.Bundling.Compression;

namespace Euca.Images.Engine.Tests.Bundling.Compression
{
    public class Crc32CombineTests
    {
        [Fact]
        public void CombinedCrcOfRandomSplitsEqualsTheWholeStreamCrc()
        {
            var random = new Random(1);
            for (int round = 0; round < 200; round++)
            {
                var data = new byte[random.Next(0, 20_000)];
                random.NextBytes(data);
                uint whole = Crc32.HashToUInt32(data);
                uint combined = 0;
                int pos = 0;
                while (pos < data.Length)
                {
                    int n = Math.Min(data.Length - pos, random.Next(0, 3000));
                    combined = Crc32Combine.Combine(combined, Crc32.HashToUInt32(data.AsSpan(pos, n)), n);
                    pos += n;
                }
                Assert.Equal(whole, combined);
            }
        }

        [Fact]
        public void CombinesLongZeroRunsBeyond4GiB()
        {
            // A 5 GiB image as 5120 one-MiB zero blocks: combining by squaring must match folding one by one.
            byte[] zeros = new byte[1 << 20];
            uint blockCrc = Crc32.HashToUInt32(zeros);
            uint folded = 0;
            for (int i = 0; i < 5120; i++) folded = Crc32Combine.Combine(folded, blockCrc, zeros.Length);
            uint twoHalves = Crc32Combine.Combine(Fold(blockCrc, 2560), Fold(blockCrc, 2560), 2560L << 20);
            Assert.Equal(folded, twoHalves);

            static uint Fold(uint crc, int count)
            {
                uint result = 0;
                for (int i = 0; i < count; i++) result = Crc32Combine.Combine(result, crc, 1 << 20);
                return result;
            }
        }
    }
}
