using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Catalog
{
    public sealed class CatalogDownloaderTests : IDisposable
    {
        private const int Size = 4 << 20;
        private readonly RangeFileServer _server = new RangeFileServer();
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly byte[] _body = RandomBytes(Size, 1);

        public void Dispose()
        {
            _server.Dispose();
            _temp.Dispose();
        }

        [Fact]
        public async Task ADownloadDroppedHalfWayResumesWithARangeAndIsCompleteAndVerified()
        {
            Uri uri = _server.Put("image.raw.xz", _body);
            _server.Faults = n => n == 1 ? new RangeFault(DropAfter: Size / 2) : null;

            CatalogDownload done = await DownloadAsync(Request(uri, Sha256(_body)));

            Assert.Equal(_body, File.ReadAllBytes(done.Path));
            Assert.Equal(2, done.Attempts);
            Assert.True(_server.BytesSent < 2L * Size, $"{_server.BytesSent} bytes were sent for a {Size}-byte file");
            RangeRequest resumed = _server.Requests[1];
            Assert.Equal(206, resumed.Status);
            Assert.StartsWith("bytes=", resumed.Range);
            Assert.NotNull(resumed.IfRange);
            Assert.Single(Directory.GetFiles(_temp.Path));
        }

        [Fact]
        public async Task AFileChangedOnTheServerBetweenAttemptsRestartsFromTheStart()
        {
            Uri uri = _server.Put("image.raw", _body);
            byte[] changed = RandomBytes(Size, 2);
            _server.Faults = n =>
            {
                if (n == 1)
                {
                    return new RangeFault(DropAfter: Size / 2);
                }

                _server.Put("image.raw", changed);
                return null;
            };

            CatalogDownload done = await DownloadAsync(Request(uri, null));

            Assert.Equal(changed, File.ReadAllBytes(done.Path));
            Assert.Equal(200, _server.Requests[1].Status);
        }

        [Fact]
        public async Task APartFileAnEarlierRunLeftIsResumedByTheNextRun()
        {
            Uri uri = _server.Put("image.raw", _body);
            _server.Faults = n => n == 1 ? new RangeFault(DropAfter: Size / 4) : null;
            CatalogDownloadRequest first = Request(uri, Sha256(_body));
            first.MaxAttempts = 1;

            var failure = await Assert.ThrowsAsync<EucaException>(() => DownloadAsync(first));
            Assert.Equal(ErrorIds.CatalogDownloadFailed.Name, failure.ErrorId);
            Assert.Contains("run the command again to resume", failure.Message);
            long kept = new FileInfo(first.Destination + ".part").Length;
            Assert.True(kept > 0);

            CatalogDownload done = await DownloadAsync(Request(uri, Sha256(_body)));
            Assert.Equal(_body, File.ReadAllBytes(done.Path));
            Assert.Equal(Size - kept, done.BytesReceived);
        }

        [Fact]
        public async Task AWrongChecksumIsRefusedAndNothingIsLeftOnDisk()
        {
            Uri uri = _server.Put("image.raw", _body);

            var failure = await Assert.ThrowsAsync<EucaException>(() => DownloadAsync(Request(uri, Sha256(RandomBytes(16, 3)))));

            Assert.Equal(ErrorIds.CatalogChecksumMismatch.Name, failure.ErrorId);
            Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
        }

        [Fact]
        public async Task EustoreChecksumsAreTheCrc32OfTheMd5HexDigestInTenDigits()
        {
            Uri uri = _server.Put("centos.tgz", _body);
            File.WriteAllBytes(_temp.File("reference"), _body);
            // eustore-install-image's own computation, by Python's zlib and hashlib.
            string name = Shell.Run("python3 -c \"import hashlib,zlib,sys; print('%010d' % (zlib.crc32(hashlib.md5(open(sys.argv[1],'rb').read()).hexdigest().encode()) & 0xffffffff))\" reference", _temp.Path).Trim();
            File.Delete(_temp.File("reference"));

            CatalogDownload done = await DownloadAsync(Request(uri, new CatalogChecksum(CatalogChecksumAlgorithm.EustoreCrc32OfMd5, name)));
            Assert.Equal(Size, done.Size);

            string wrong = ((long.Parse(name) + 1) % 10_000_000_000).ToString("D10");
            var failure = await Assert.ThrowsAsync<EucaException>(() => DownloadAsync(Request(uri, new CatalogChecksum(CatalogChecksumAlgorithm.EustoreCrc32OfMd5, wrong))));
            Assert.Equal(ErrorIds.CatalogChecksumMismatch.Name, failure.ErrorId);
        }

        [Fact]
        public async Task Sha512ChecksumsAreVerified()
        {
            Uri uri = _server.Put("image.raw", _body);
            string sha512 = Convert.ToHexString(SHA512.HashData(_body)).ToLowerInvariant();

            CatalogDownload done = await DownloadAsync(Request(uri, new CatalogChecksum(CatalogChecksumAlgorithm.Sha512, sha512)));

            Assert.Equal(_body, File.ReadAllBytes(done.Path));
        }

        [Fact]
        public async Task AMalformedChecksumIsRefusedBeforeAnythingIsRequested()
        {
            Uri uri = _server.Put("image.raw", _body);

            var failure = await Assert.ThrowsAsync<EucaException>(() => DownloadAsync(Request(uri, new CatalogChecksum(CatalogChecksumAlgorithm.Sha256, "abc"))));

            Assert.Equal(ErrorIds.CatalogChecksumInvalid.Name, failure.ErrorId);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public async Task ServerErrorsAreRetriedButANotFoundIsNot()
        {
            Uri uri = _server.Put("image.raw", _body);
            _server.Faults = n => n <= 2 ? new RangeFault(Status: 503) : null;

            CatalogDownload done = await DownloadAsync(Request(uri, null));
            Assert.Equal(3, done.Attempts);

            var failure = await Assert.ThrowsAsync<EucaException>(() => DownloadAsync(Request(new Uri(_server.Url, "missing.raw"), null)));
            Assert.Equal(ErrorIds.CatalogDownloadRefused.Name, failure.ErrorId);
            Assert.Equal(1, _server.Requests.Count(r => r.Path == "missing.raw"));
        }

        [Fact]
        public async Task AStalledConnectionIsDroppedAndTheDownloadResumed()
        {
            Uri uri = _server.Put("image.raw", _body);
            _server.Faults = n => n == 1 ? new RangeFault(StallAfterHalf: TimeSpan.FromSeconds(10)) : null;
            CatalogDownloadRequest request = Request(uri, Sha256(_body));
            // Long enough for the first half to arrive on a busy machine, far shorter than the stall.
            request.StallTimeout = TimeSpan.FromSeconds(1.5);

            CatalogDownload done = await DownloadAsync(request);

            Assert.Equal(_body, File.ReadAllBytes(done.Path));
            Assert.Equal(206, _server.Requests[^1].Status);
            Assert.True(done.BytesReceived < 2L * Size);
        }

        [Fact]
        public async Task ASizeOtherThanTheCatalogsOrAboveTheLimitIsRefusedBeforeWriting()
        {
            Uri uri = _server.Put("image.raw", _body);
            CatalogDownloadRequest declared = Request(uri, null);
            declared.ExpectedSize = Size - 1;
            CatalogDownloadRequest limited = Request(uri, null);
            limited.MaxBytes = Size / 2;

            foreach (CatalogDownloadRequest request in new[] { declared, limited })
            {
                var failure = await Assert.ThrowsAsync<EucaException>(() => DownloadAsync(request));
                Assert.Equal(ErrorIds.CatalogDownloadSizeMismatch.Name, failure.ErrorId);
                Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
            }
        }

        [Fact]
        public async Task OnlyHttpAndHttpsUrlsAreDownloaded()
        {
            var failure = await Assert.ThrowsAsync<EucaException>(() => DownloadAsync(Request(new Uri("ftp://127.0.0.1/image.raw"), null)));

            Assert.Equal(ErrorIds.CatalogDownloadUriInvalid.Name, failure.ErrorId);
        }

        [Fact]
        public void DownloadFilesAreNamedPerUrlAndStalePartFilesArePruned()
        {
            string a = DownloadFolder.FileFor(_temp.Path, new Uri("http://example.test/a/disk image.raw.xz"));
            string b = DownloadFolder.FileFor(_temp.Path, new Uri("http://example.test/b/disk image.raw.xz"));
            Assert.NotEqual(a, b);
            Assert.EndsWith("disk_image.raw.xz", a);

            File.WriteAllText(a + ".part", "old");
            File.WriteAllText(b + ".part", "new");
            File.SetLastWriteTimeUtc(a + ".part", DateTime.UtcNow - TimeSpan.FromDays(8));
            Directory.CreateDirectory(Path.Combine(_temp.Path, "unpack-old"));
            Directory.SetLastWriteTimeUtc(Path.Combine(_temp.Path, "unpack-old"), DateTime.UtcNow - TimeSpan.FromDays(8));

            DownloadFolder.PruneStale(_temp.Path, DateTime.UtcNow);

            Assert.Equal(new[] { b + ".part" }, Directory.GetFileSystemEntries(_temp.Path));
        }

        private CatalogDownloadRequest Request(Uri uri, CatalogChecksum? checksum) =>
            new CatalogDownloadRequest(uri, DownloadFolder.FileFor(_temp.Path, uri))
            {
                Checksum = checksum,
                RetryDelay = TimeSpan.FromMilliseconds(10),
            };

        private static async Task<CatalogDownload> DownloadAsync(CatalogDownloadRequest request)
        {
            using var downloader = new CatalogDownloader();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            return await downloader.DownloadAsync(request, null, timeout.Token);
        }

        private static CatalogChecksum Sha256(byte[] data) =>
            new CatalogChecksum(CatalogChecksumAlgorithm.Sha256, Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant());

        private static byte[] RandomBytes(int count, int seed)
        {
            var bytes = new byte[count];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }
    }
}
