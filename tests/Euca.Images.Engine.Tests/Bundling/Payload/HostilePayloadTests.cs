using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Bundling.Tar;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Payload
{
    /// <summary>Issue 11, classes 2 and 3: work bounded by what the manifest declares, and a stable id for every refusal.</summary>
    public sealed class HostilePayloadTests
    {
        private const int ImageSize = 4096;

        private static byte[] Image => Enumerable.Range(0, ImageSize).Select(i => (byte)(i * 7)).ToArray();

        [Fact]
        public async Task InflatingStopsSoonAfterTheDeclaredSize()
        {
            // A correct 4 KiB member followed by 512 MiB of zeros (about half a megabyte once compressed).
            byte[] part = HostilePayloads.Encrypt(tar =>
            {
                tar.Write(HostilePayloads.Header("disk.img", ImageSize));
                tar.Write(Image);
                var zeros = new byte[1 << 20];
                for (int i = 0; i < 512; i++) tar.Write(zeros);
            });
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<EucaException>(() => HostilePayloads.ReadAsync(HostilePayloads.InMemory(part), new PayloadExpectation(null, ImageSize)));

            Assert.Equal("BundleSizeMismatch", error.ErrorId);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        }

        [Fact]
        public async Task AMemberLargerThanTheDeclaredImageIsRefusedBeforeItIsCopied()
        {
            byte[] part = HostilePayloads.Encrypt(HostilePayloads.Header("disk.img", 1L << 40).Concat(Image).ToArray());
            var error = await Assert.ThrowsAsync<EucaException>(() => HostilePayloads.ReadAsync(HostilePayloads.InMemory(part), new PayloadExpectation(null, ImageSize)));
            Assert.Equal("BundleArchiveInvalid", error.ErrorId);
            Assert.Contains("more than the 4096 bytes the manifest declares", error.Message);
        }

        [Theory]
        [InlineData("abc path=x\n")]
        [InlineData("99999999999999999999 path=x\n")]
        [InlineData("-5 path=x\n")]
        [InlineData("3 path=x\n")]
        public async Task AMalformedPaxRecordLengthIsAnArchiveError(string record)
        {
            byte[] data = Encoding.ASCII.GetBytes(record);
            byte[] tar = HostilePayloads.Header("pax", data.Length, 'x').Concat(HostilePayloads.Padded(data))
                .Concat(HostilePayloads.Header("disk.img", ImageSize)).Concat(Image).ToArray();
            var error = await Assert.ThrowsAsync<EucaException>(() => HostilePayloads.ReadAsync(HostilePayloads.InMemory(HostilePayloads.Encrypt(tar)), new PayloadExpectation(null, ImageSize)));
            Assert.Equal("BundleArchiveInvalid", error.ErrorId);
        }

        [Theory]
        [InlineData(long.MaxValue - 10, 100)]
        [InlineData(0, long.MaxValue)]
        [InlineData(1L << 40, 16)]
        public async Task ASparseRegionOutOfRangeIsAnArchiveError(long offset, long length)
        {
            byte[] header = HostilePayloads.Header("disk.img", 512, 'S', h =>
            {
                TarNumeric.WriteBase256(h, 386, 12, offset);
                TarNumeric.WriteBase256(h, 398, 12, length);
                TarNumeric.WriteOctal(h, 483, 12, ImageSize);
            });
            byte[] tar = header.Concat(new byte[512]).ToArray();
            var error = await Assert.ThrowsAsync<EucaException>(() => HostilePayloads.ReadAsync(HostilePayloads.InMemory(HostilePayloads.Encrypt(tar)), new PayloadExpectation(null, ImageSize)));
            Assert.Equal("BundleArchiveInvalid", error.ErrorId);
        }

        [Fact]
        public async Task PartsHoldingMoreThanTheDeclaredBundledSizeAreRefused()
        {
            byte[] part = HostilePayloads.Encrypt(HostilePayloads.Header("disk.img", ImageSize).Concat(Image).ToArray());
            var error = await Assert.ThrowsAsync<EucaException>(() => HostilePayloads.ReadAsync(HostilePayloads.InMemory(part), new PayloadExpectation(null, ImageSize, bundledSize: 100)));
            Assert.Equal("BundlePartCorrupt", error.ErrorId);
            Assert.Equal("x.part.00", error.Target);
        }

        [Theory]
        [InlineData("mkfifo")]
        [InlineData("ln -s /dev/zero")]
        public async Task APartThatIsNotARegularFileIsRefusedAtOnce(string make)
        {
            using var dir = new TempDirectory();
            string path = dir.File("disk.img.part.00");
            Shell.Run($"{make} '{path}'");
            var parts = new[] { PayloadPartSource.FromFile(0, path, new string('0', 40)) };
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<EucaException>(() => HostilePayloads.ReadAsync(parts, new PayloadExpectation(null, ImageSize)));

            Assert.Equal("BundlePartUnreadable", error.ErrorId);
            Assert.Equal("disk.img.part.00", error.Target);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        }

        [Fact]
        public async Task WhenDecryptionFailsAnEndlessPartIsNotReadOn()
        {
            // A part that never ends (/dev/urandom behind a link, a server that never stops): once decryption has
            // failed, fetching stops too instead of hashing forever.
            var part = new PayloadPartSource(0, "x.part.00", new string('0', 40), _ => Task.FromResult<Stream>(new EndlessStream()));
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<EucaException>(() => HostilePayloads.ReadAsync(new[] { part }, new PayloadExpectation(null, ImageSize)));

            Assert.Equal("BundleDecryptFailed", error.ErrorId);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        }

        [Fact]
        public async Task CancellingWhileAPartStallsStopsWithinASecond()
        {
            var part = new PayloadPartSource(0, "x.part.00", new string('0', 40), _ => Task.FromResult<Stream>(new StallingStream()));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var watch = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HostilePayloads.ReadAsync(new[] { part }, new PayloadExpectation(null, ImageSize), cts.Token));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.2), $"took {watch.Elapsed}");
        }

        [Theory]
        [InlineData("file")]
        [InlineData("file/below")]
        public void ADestinationThatIsOrLiesUnderAFileHasItsOwnId(string destination)
        {
            using var dir = new TempDirectory();
            File.WriteAllText(dir.File("file"), "x");
            var error = Assert.Throws<EucaException>(() => ImageFileWriter.Create(Path.Combine(dir.File(destination), "disk.img"), force: false));
            Assert.Equal("DestinationInvalid", error.ErrorId);
            Assert.Equal("DestinationInvalid", Assert.Throws<EucaException>(() => DestinationDirectory.Create(dir.File(destination))).ErrorId);
        }

        /// <summary>A body that never delivers a byte, but honours cancellation as network streams do.</summary>
        private sealed class StallingStream : ReadOnlyTestStream
        {
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }
        }

        /// <summary>Random-looking bytes forever, like /dev/urandom behind a symbolic link or a server that never stops.</summary>
        private sealed class EndlessStream : ReadOnlyTestStream
        {
            public override int Read(byte[] buffer, int offset, int count)
            {
                for (int i = 0; i < count; i++) buffer[offset + i] = (byte)(i * 31 + 7);
                return count;
            }
        }
    }
}
