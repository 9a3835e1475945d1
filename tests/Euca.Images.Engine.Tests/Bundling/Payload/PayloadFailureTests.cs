using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Payload
{
    public class PayloadFailureTests
    {
        private static async Task<(TempDirectory Dir, PayloadResult Result, byte[] Image)> BundleAsync(int size = 700_000, long partSize = 100_000)
        {
            var dir = new TempDirectory();
            byte[] image = ImageMaker.Mixed(size, 31);
            string path = ImageMaker.Write(dir.File("disk.img"), image);
            PayloadResult result = await PayloadHarness.WriteAsync(path, dir.File("out"), "disk.img", partSize);
            return (dir, result, image);
        }

        private static async Task<EucaException> ExpandExpectingFailure(TempDirectory dir, PayloadPartSource[] sources, PayloadExpectation expected, byte[]? key = null)
        {
            string target = dir.File("expanded.img");
            var error = await Assert.ThrowsAsync<EucaException>(async () =>
            {
                using var writer = ImageFileWriter.Create(target, force: false);
                await PayloadReader.ReadAsync(sources, key ?? PayloadHarness.Key, PayloadHarness.Iv, expected, writer.Stream, null, CancellationToken.None);
                writer.Commit();
            });
            Assert.False(File.Exists(target));
            Assert.Empty(Directory.GetFiles(dir.Path, "*.partial", SearchOption.AllDirectories).Concat(Directory.GetFiles(dir.Path, ".expanded*")));
            return error;
        }

        private static PayloadExpectation Expect(PayloadResult r) => new PayloadExpectation(r.ImageDigestSha1, r.ImageSize);

        [Fact]
        public async Task CorruptPartIsNamed()
        {
            var (dir, result, _) = await BundleAsync();
            using (dir)
            {
                string victim = Path.Combine(dir.File("out"), result.Parts[2].FileName);
                byte[] bytes = File.ReadAllBytes(victim);
                bytes[500] ^= 0x40;
                File.WriteAllBytes(victim, bytes);
                EucaException error = await ExpandExpectingFailure(dir, PayloadHarness.Sources(dir.File("out"), result), Expect(result));
                Assert.Equal("BundlePartCorrupt", error.ErrorId);
                Assert.Equal(result.Parts[2].FileName, error.Target);
            }
        }

        [Fact]
        public async Task TruncatedPartIsNamed()
        {
            var (dir, result, _) = await BundleAsync();
            using (dir)
            {
                string victim = Path.Combine(dir.File("out"), result.Parts[1].FileName);
                byte[] bytes = File.ReadAllBytes(victim);
                File.WriteAllBytes(victim, bytes.AsSpan(0, bytes.Length - 100).ToArray());
                EucaException error = await ExpandExpectingFailure(dir, PayloadHarness.Sources(dir.File("out"), result), Expect(result));
                Assert.Equal("BundlePartCorrupt", error.ErrorId);
                Assert.Equal(result.Parts[1].FileName, error.Target);
            }
        }

        [Fact]
        public async Task MissingPartIsNamed()
        {
            var (dir, result, _) = await BundleAsync();
            using (dir)
            {
                File.Delete(Path.Combine(dir.File("out"), result.Parts[3].FileName));
                EucaException error = await ExpandExpectingFailure(dir, PayloadHarness.Sources(dir.File("out"), result), Expect(result));
                Assert.Equal("BundlePartMissing", error.ErrorId);
                Assert.Equal(result.Parts[3].FileName, error.Target);
            }
        }

        [Fact]
        public async Task WrongKeyFailsToDecrypt()
        {
            var (dir, result, _) = await BundleAsync();
            using (dir)
            {
                byte[] wrongKey = (byte[])PayloadHarness.Key.Clone();
                wrongKey[0] ^= 1;
                EucaException error = await ExpandExpectingFailure(dir, PayloadHarness.Sources(dir.File("out"), result), Expect(result), wrongKey);
                Assert.Equal("BundleDecryptFailed", error.ErrorId);
            }
        }

        [Fact]
        public async Task BadPaddingFailsToDecrypt()
        {
            // A well-formed gzip stream whose last block was encrypted with a bad PKCS#7 pad.
            using var dir = new TempDirectory();
            Shell.Run($"head -c 5000 /dev/urandom > img; tar -cf - img | gzip -c > s.gz; " +
                      $"(cat s.gz; head -c $((32 - $(stat -c %s s.gz) % 16)) /dev/zero) | openssl enc -e -aes-128-cbc -nopad -K {PayloadHarness.KeyHex} -iv {PayloadHarness.IvHex} > p.part.00", dir.Path);
            string part = dir.File("p.part.00");
            var sources = new[] { PayloadPartSource.FromFile(0, part, Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(File.ReadAllBytes(part)))) };
            EucaException error = await ExpandExpectingFailure(dir, sources, new PayloadExpectation(null, null));
            Assert.Equal("BundleDecryptFailed", error.ErrorId);
        }

        [Fact]
        public async Task CorruptGzipFailsToDecompress()
        {
            using var dir = new TempDirectory();
            Shell.Run($"head -c 300000 /dev/urandom > img; tar -cf - img | gzip -c > s.gz; " +
                      $"python3 -c \"import sys; b=bytearray(open('s.gz','rb').read()); b[5000]^=0xff; b[-6]^=0xff; open('s.gz','wb').write(b)\"; " +
                      $"openssl enc -e -aes-128-cbc -K {PayloadHarness.KeyHex} -iv {PayloadHarness.IvHex} < s.gz > p.part.00", dir.Path);
            string part = dir.File("p.part.00");
            var sources = new[] { PayloadPartSource.FromFile(0, part, Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(File.ReadAllBytes(part)))) };
            EucaException error = await ExpandExpectingFailure(dir, sources, new PayloadExpectation(null, null));
            Assert.Equal("BundleDecompressFailed", error.ErrorId);
        }

        [Fact]
        public async Task DigestMismatchIsReported()
        {
            var (dir, result, _) = await BundleAsync();
            using (dir)
            {
                EucaException error = await ExpandExpectingFailure(dir, PayloadHarness.Sources(dir.File("out"), result),
                    new PayloadExpectation(new string('0', 40), result.ImageSize));
                Assert.Equal("BundleDigestMismatch", error.ErrorId);
            }
        }

        [Fact]
        public async Task SizeMismatchIsReported()
        {
            var (dir, result, _) = await BundleAsync();
            using (dir)
            {
                EucaException error = await ExpandExpectingFailure(dir, PayloadHarness.Sources(dir.File("out"), result),
                    new PayloadExpectation(result.ImageDigestSha1, result.ImageSize + 1));
                Assert.Equal("BundleSizeMismatch", error.ErrorId);
            }
        }

        [Fact]
        public async Task ExistingImageIsNotOverwrittenWithoutForce()
        {
            using var dir = new TempDirectory();
            string target = dir.File("disk.img");
            File.WriteAllText(target, "keep");
            var error = Assert.Throws<EucaException>(() => ImageFileWriter.Create(target, force: false));
            Assert.Equal("ImageExists", error.ErrorId);
            using (var writer = ImageFileWriter.Create(target, force: true))
            {
                writer.Stream.Write(new byte[] { 1, 2, 3 });
                writer.Commit();
            }
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(target));
        }

        [Fact]
        public async Task WriterInputChecks()
        {
            using var dir = new TempDirectory();
            var options = new PayloadWriteOptions("x", PayloadHarness.Key, PayloadHarness.Iv);
            async Task<string> Fail(string path, PayloadWriteOptions o) =>
                (await Assert.ThrowsAsync<EucaException>(() => PayloadWriter.WriteAsync(path, o, new FilePartSink(dir.File("out")), null, CancellationToken.None))).ErrorId;

            Assert.Equal("ImageNotFound", await Fail(dir.File("missing.img"), options));
            Assert.Equal("ImagePathIsDirectory", await Fail(dir.Path, options));
            Assert.Equal("ImageNotRegularFile", await Fail("/dev/null", options));
            Shell.Run("mkfifo fifo", dir.Path);
            Assert.Equal("ImageNotRegularFile", await Fail(dir.File("fifo"), options));
            string image = ImageMaker.Write(dir.File("ok.img"), new byte[10]);
            Assert.Equal("PartSizeInvalid", await Fail(image, new PayloadWriteOptions("x", PayloadHarness.Key, PayloadHarness.Iv) { PartSize = 1023 }));
            Assert.Equal("PartSizeInvalid", await Fail(image, new PayloadWriteOptions("x", PayloadHarness.Key, PayloadHarness.Iv) { PartSize = 0 }));
            Assert.False(Directory.Exists(dir.File("out")) && Directory.EnumerateFileSystemEntries(dir.File("out")).Any());
        }

        [Fact]
        public async Task CancellationRemovesPartsAlreadyWritten()
        {
            using var dir = new TempDirectory();
            string path = ImageMaker.Write(dir.File("disk.img"), ImageMaker.Mixed(20_000_000, 41));
            using var cts = new CancellationTokenSource();
            var sink = new CancellingSink(new FilePartSink(dir.File("out")), cancelAfterParts: 2, cts);
            var options = new PayloadWriteOptions("disk.img", PayloadHarness.Key, PayloadHarness.Iv) { PartSize = 1 << 20 };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PayloadWriter.WriteAsync(path, options, sink, null, cts.Token));
            Assert.True(sink.Completed >= 2);
            Assert.Empty(Directory.GetFiles(dir.File("out")));
        }

        [Fact]
        public async Task SinkFailureRemovesPartsAndPropagates()
        {
            using var dir = new TempDirectory();
            string path = ImageMaker.Write(dir.File("disk.img"), ImageMaker.Mixed(8_000_000, 43));
            var sink = new FailingSink(new FilePartSink(dir.File("out")), failOnPart: 1);
            var options = new PayloadWriteOptions("disk.img", PayloadHarness.Key, PayloadHarness.Iv) { PartSize = 1 << 20 };
            var error = await Assert.ThrowsAsync<IOException>(() => PayloadWriter.WriteAsync(path, options, sink, null, CancellationToken.None));
            Assert.Equal("disk full", error.Message);
            Assert.Empty(Directory.GetFiles(dir.File("out")));
        }

        [Fact]
        public async Task ProgressEndsAtTheImageSize()
        {
            using var dir = new TempDirectory();
            string path = ImageMaker.Write(dir.File("disk.img"), ImageMaker.Mixed(3_000_000, 45));
            var reports = new System.Collections.Concurrent.ConcurrentQueue<OperationProgress>();
            var options = new PayloadWriteOptions("disk.img", PayloadHarness.Key, PayloadHarness.Iv);
            await PayloadWriter.WriteAsync(path, options, new FilePartSink(dir.File("out")), new SyncProgress(reports.Enqueue), CancellationToken.None);
            Assert.Contains(reports, r => r.BytesDone == 3_000_000 && r.BytesTotal == 3_000_000);
        }

        private sealed class SyncProgress : IProgress<OperationProgress>
        {
            private readonly Action<OperationProgress> report;
            public SyncProgress(Action<OperationProgress> report) => this.report = report;
            public void Report(OperationProgress value) => report(value);
        }

        private class DelegatingSink : IPartSink
        {
            protected readonly IPartSink Inner;
            protected DelegatingSink(IPartSink inner) => Inner = inner;
            public int Completed { get; private set; }
            public virtual Task<Stream> BeginPartAsync(int index, string fileName, CancellationToken ct) => Inner.BeginPartAsync(index, fileName, ct);
            public virtual async Task CompletePartAsync(PayloadPart part, CancellationToken ct)
            {
                await Inner.CompletePartAsync(part, ct);
                Completed++;
            }
            public Task FinishAsync(CancellationToken ct) => Inner.FinishAsync(ct);
            public Task AbortAsync() => Inner.AbortAsync();
        }

        private sealed class CancellingSink : DelegatingSink
        {
            private readonly int cancelAfterParts;
            private readonly CancellationTokenSource cts;
            public CancellingSink(IPartSink inner, int cancelAfterParts, CancellationTokenSource cts) : base(inner)
            {
                this.cancelAfterParts = cancelAfterParts;
                this.cts = cts;
            }
            public override async Task CompletePartAsync(PayloadPart part, CancellationToken ct)
            {
                await base.CompletePartAsync(part, ct);
                if (Completed == cancelAfterParts) cts.Cancel();
            }
        }

        private sealed class FailingSink : DelegatingSink
        {
            private readonly int failOnPart;
            public FailingSink(IPartSink inner, int failOnPart) : base(inner) => this.failOnPart = failOnPart;
            public override Task<Stream> BeginPartAsync(int index, string fileName, CancellationToken ct) =>
                index == failOnPart ? throw new IOException("disk full") : base.BeginPartAsync(index, fileName, ct);
        }
    }
}
