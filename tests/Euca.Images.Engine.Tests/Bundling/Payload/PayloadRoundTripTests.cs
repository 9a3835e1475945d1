using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Payload
{
    public class PayloadRoundTripTests
    {
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(511)]
        [InlineData(512)]
        [InlineData(10240)]
        [InlineData(1 << 20)]
        [InlineData((1 << 20) + 1)]
        [InlineData(3_500_000)]
        public async Task RoundTripReproducesTheImage(int size)
        {
            using var dir = new TempDirectory();
            byte[] image = ImageMaker.Mixed(size, seed: size);
            string path = ImageMaker.Write(dir.File("disk.img"), image);
            string outDir = dir.File("out");

            PayloadResult result = await PayloadHarness.WriteAsync(path, outDir, "disk.img", partSize: 64 * 1024);

            Assert.Equal(size, result.ImageSize);
            Assert.Equal(result.Parts.Sum(p => p.Size), result.BundledSize);
            Assert.Equal(0, result.BundledSize % 16);
            for (int i = 0; i < result.Parts.Count; i++)
            {
                PayloadPart part = result.Parts[i];
                Assert.Equal(i, part.Index);
                Assert.Equal($"disk.img.part.{i:00}", part.FileName);
                byte[] bytes = File.ReadAllBytes(Path.Combine(outDir, part.FileName));
                Assert.Equal(part.Size, bytes.Length);
                Assert.Equal(Convert.ToHexString(SHA1.HashData(bytes)).ToLowerInvariant(), part.Sha1);
            }
            Assert.Equal(result.Parts.Count, Directory.GetFiles(outDir).Length); // no temporary files left
            Assert.Equal(image, await PayloadHarness.ReadAsync(outDir, result));
        }

        [Fact]
        public async Task NamesLongerThan100BytesUseAGnuLongLinkAndRoundTrip()
        {
            using var dir = new TempDirectory();
            string name = new string('n', 150) + ".img";
            byte[] image = ImageMaker.Mixed(100_000, 7);
            string path = ImageMaker.Write(dir.File("disk.img"), image);
            PayloadResult result = await PayloadHarness.WriteAsync(path, dir.File("out"), name);

            Assert.Equal(name + ".part.00", result.Parts.Single().FileName);
            Assert.Equal(image, await PayloadHarness.ReadAsync(dir.File("out"), result));
            string listed = Shell.Run($"cat {result.Parts[0].FileName} | openssl enc -d -aes-128-cbc -K {PayloadHarness.KeyHex} -iv {PayloadHarness.IvHex} | gzip -dc | tar -tvf -", dir.File("out"));
            Assert.Contains(name, listed);
        }

        [Fact]
        public async Task PartSizesFollowCeilSemanticsWithoutAnEmptyLastPart()
        {
            using var dir = new TempDirectory();
            string path = ImageMaker.Write(dir.File("disk.img"), ImageMaker.Mixed(200_000, 3));
            PayloadResult whole = await PayloadHarness.WriteAsync(path, dir.File("whole"), "disk.img", partSize: 1 << 30);
            long total = whole.BundledSize;

            foreach (long partSize in new[] { total, total - 1, total + 1, total / 2, (total + 1) / 2, 1024 })
            {
                string outDir = dir.File("p" + partSize);
                PayloadResult result = await PayloadHarness.WriteAsync(path, outDir, "disk.img", partSize);
                long expectedCount = (total + partSize - 1) / partSize;
                Assert.Equal(expectedCount, result.Parts.Count);
                Assert.Equal(total, result.BundledSize);
                Assert.All(result.Parts.Take(result.Parts.Count - 1), p => Assert.Equal(partSize, p.Size));
                Assert.True(result.Parts.Last().Size > 0);
                Assert.Equal(whole.ImageDigestSha1, result.ImageDigestSha1);
                byte[] joined = result.Parts.SelectMany(p => File.ReadAllBytes(Path.Combine(outDir, p.FileName))).ToArray();
                Assert.Equal(File.ReadAllBytes(Path.Combine(dir.File("whole"), whole.Parts[0].FileName)), joined);
            }
        }

        [Fact]
        public async Task PartIndexesPast99KeepCounting()
        {
            using var dir = new TempDirectory();
            byte[] random = new byte[120 * 1024];
            new Random(5).NextBytes(random);
            string path = ImageMaker.Write(dir.File("disk.img"), random);
            PayloadResult result = await PayloadHarness.WriteAsync(path, dir.File("out"), "disk.img", partSize: 1024);
            Assert.True(result.Parts.Count > 101);
            Assert.Equal("disk.img.part.99", result.Parts[99].FileName);
            Assert.Equal("disk.img.part.100", result.Parts[100].FileName);
            Assert.Equal(random, await PayloadHarness.ReadAsync(dir.File("out"), result));
        }

        [Fact]
        public async Task ReusedZeroBlocksGiveTheSameBytesAsCompressingThem()
        {
            using var dir = new TempDirectory();
            byte[] image = new byte[5 << 20];
            new Random(11).NextBytes(image.AsSpan(1 << 20, 100_000));
            string path = ImageMaker.Write(dir.File("disk.img"), image);
            PayloadResult cached = await PayloadHarness.WriteAsync(path, dir.File("cached"), "disk.img");
            PayloadResult compressed = await PayloadHarness.WriteAsync(path, dir.File("compressed"), "disk.img", configure: o => o.ReuseZeroBlocks = false);
            Assert.Equal(compressed.Parts.Select(p => p.Sha1), cached.Parts.Select(p => p.Sha1));
            Assert.Equal(compressed.ImageDigestSha1, cached.ImageDigestSha1);
        }

        [Fact]
        public async Task SingleWorkerGivesTheSameBytesAsSeveral()
        {
            using var dir = new TempDirectory();
            string path = ImageMaker.Write(dir.File("disk.img"), ImageMaker.Mixed(6_000_000, 9));
            PayloadResult one = await PayloadHarness.WriteAsync(path, dir.File("one"), "disk.img", configure: o => o.MaxDegreeOfParallelism = 1);
            PayloadResult four = await PayloadHarness.WriteAsync(path, dir.File("four"), "disk.img", configure: o => o.MaxDegreeOfParallelism = 4);
            Assert.Equal(one.Parts.Select(p => p.Sha1), four.Parts.Select(p => p.Sha1));
        }
    }
}
