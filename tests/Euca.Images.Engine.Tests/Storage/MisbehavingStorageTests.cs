using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Storage
{
    /// <summary>
    /// Issue 11, classes 1 and 6: downloads verify the manifest, leave nothing behind unless asked to resume, and
    /// stores that stall or redirect are detected, against s3rver behind the fault proxy.
    /// </summary>
    [Collection(S3rverCollection.Name)]
    public sealed class MisbehavingStorageTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly S3rverFixture _s3;
        private readonly CloudConnection _direct;

        public MisbehavingStorageTests(S3rverFixture s3)
        {
            _s3 = s3;
            _direct = s3.Connect();
        }

        public void Dispose()
        {
            _direct.Dispose();
            _temp.Dispose();
        }

        private static RetryPolicy Attempts(int attempts) => new RetryPolicy(seed: 1) { MaxAttempts = attempts, Delay = (_, _) => Task.CompletedTask };

        private async Task<BundleUpload> UploadAsync(string name)
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, name);
            string bucket = "m-" + Guid.NewGuid().ToString("N").Substring(0, 12);
            return await BundleUploader.SendAsync(_direct, new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget(bucket)), null, CancellationToken.None);
        }

        private static bool IsPart(string path, string suffix) => path.EndsWith(suffix, StringComparison.Ordinal);

        [Fact]
        public async Task ASaveThatFailsOnOnePartLeavesNothingBehind()
        {
            BundleUpload upload = await UploadAsync("fails.img");
            using var proxy = new FaultProxy(_s3.Port, (_, _, path) => IsPart(path, ".part.02") ? Fault.Http(403) : Fault.None);
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);
            string destination = _temp.File("fails-out");

            var error = await Assert.ThrowsAsync<EucaException>(() => BundleDownloader.SaveAsync(connection,
                new BundleSaveRequest(upload.ManifestLocation, destination, 1, Attempts(1)), null, CancellationToken.None));

            Assert.Equal("StorageAccessDenied", error.ErrorId);
            Assert.False(Directory.Exists(destination));
        }

        [Fact]
        public async Task ASaveWithResumeKeepsTheVerifiedPartsSaysHowToFinishAndFinishes()
        {
            BundleUpload upload = await UploadAsync("resume.img");
            string destination = _temp.File("resume-out");
            using (var failing = new FaultProxy(_s3.Port, (_, _, path) => IsPart(path, ".part.02") ? Fault.Http(403) : Fault.None))
            using (CloudConnection connection = S3rverFixture.Connect(failing.Url))
            {
                var error = await Assert.ThrowsAsync<EucaException>(() => BundleDownloader.SaveAsync(connection,
                    new BundleSaveRequest(upload.ManifestLocation, destination, 1, Attempts(1)) { Resume = true }, null, CancellationToken.None));
                Assert.Equal("StorageAccessDenied", error.ErrorId);
                Assert.Contains($"2 of {upload.PartCount} verified parts are kept in '{destination}'", error.Message);
                Assert.Contains($"Save-EucaBundle -ManifestLocation '{upload.ManifestLocation}' -Destination '{destination}' -Resume", error.Message);
                Assert.True(File.Exists(Path.Combine(destination, "resume.img.part.00")));
            }

            using var counting = new FaultProxy(_s3.Port, (_, _, _) => Fault.None);
            using CloudConnection again = S3rverFixture.Connect(counting.Url);
            BundleInfo saved = await BundleDownloader.SaveAsync(again, new BundleSaveRequest(upload.ManifestLocation, destination, 1, Attempts(1)) { Resume = true }, null, CancellationToken.None);

            Assert.Equal(upload.PartCount, saved.Parts.Count);
            Assert.DoesNotContain(counting.Requests, r => IsPart(r.Path, ".part.00") || IsPart(r.Path, ".part.01"));
            Assert.Contains(counting.Requests, r => IsPart(r.Path, ".part.02"));
        }

        [Fact]
        public async Task ASaveWithTheWrongSignerIsRefusedBeforeAnyPartIsFetched()
        {
            BundleUpload upload = await UploadAsync("signed.img");
            using var proxy = new FaultProxy(_s3.Port, (_, _, _) => Fault.None);
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);
            string destination = _temp.File("signed-out");
            var request = new BundleSaveRequest(upload.ManifestLocation, destination, 1, Attempts(1))
            {
                Signer = CertificateLoader.Load(Euca2oolsTestData.Key("cloud-cert.pem")),
            };

            var error = await Assert.ThrowsAsync<EucaException>(() => BundleDownloader.SaveAsync(connection, request, null, CancellationToken.None));

            Assert.Equal("ManifestSignatureInvalid", error.ErrorId);
            Assert.DoesNotContain(proxy.Requests, r => r.Path.Contains(".part."));
            Assert.False(Directory.Exists(destination));
            request.Signer = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));
            Assert.Equal(upload.PartCount, (await BundleDownloader.SaveAsync(connection, request, null, CancellationToken.None)).Parts.Count);
        }

        [Fact]
        public async Task ADownloadWhoseBytesStopIsCaughtByTheStallTimerAndRetried()
        {
            BundleUpload upload = await UploadAsync("stall.img");
            using var proxy = new FaultProxy(_s3.Port, (_, _, path) => IsPart(path, ".part.01") ? new Fault(FaultKind.StallMidResponse, time: TimeSpan.FromSeconds(20)) : Fault.None);
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url,
                new CloudConnectionOptions { StallTimeout = TimeSpan.FromSeconds(1), ObjectStorageTimeout = TimeSpan.FromSeconds(60) });
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<EucaException>(() => BundleDownloader.SaveAsync(connection,
                new BundleSaveRequest(upload.ManifestLocation, _temp.File("stall-out"), 1, Attempts(2)), null, CancellationToken.None));

            Assert.Equal("StoragePartDownloadFailed", error.ErrorId);
            Assert.Contains("the transfer stalled: no bytes flowed for 1 s", error.Message);
            Assert.Equal(2, proxy.Requests.Count(r => IsPart(r.Path, ".part.01")));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        }

        [Fact]
        public async Task AnUploadTheServerNeverAnswersIsCaughtByTheStallTimer()
        {
            string file = ImageMaker.Write(_temp.File("small"), ImageMaker.Mixed(50_000, 3));
            using var proxy = new FaultProxy(_s3.Port, (_, method, _) => method == "PUT" ? new Fault(FaultKind.Stall, time: TimeSpan.FromSeconds(20)) : Fault.None);
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url,
                new CloudConnectionOptions { StallTimeout = TimeSpan.FromSeconds(1), ObjectStorageTimeout = TimeSpan.FromSeconds(60) });
            var store = new ObjectStore(connection.S3, Attempts(2), stallTimeout: TimeSpan.FromSeconds(1));
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<EucaException>(() => new StorageCall("Uploading", "b", "small", ErrorIds.StoragePartUploadFailed)
                .RunAsync(token => store.PutFileAsync("b", "small", file, FileMd5.Of(file), BundleAcl.AwsExecRead, null, token), CancellationToken.None));

            Assert.Contains("the transfer stalled", error.Message);
            Assert.Equal(2, proxy.Requests.Count(r => r.Method == "PUT"));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        }

        [Fact]
        public async Task ARedirectToAnotherHostIsNotFollowed()
        {
            using var elsewhere = new LoopbackServer(_ => new LoopbackServer.Response(200, "stolen"));
            using var redirecting = new LoopbackServer(_ => new LoopbackServer.Response(307, "", location: elsewhere.Url + "bucket/key"));
            using CloudConnection connection = S3rverFixture.Connect(redirecting.Url);
            var store = new ObjectStore(connection.S3, Attempts(1));

            await Assert.ThrowsAsync<EucaException>(() => new StorageCall("Downloading", "bucket", "key", ErrorIds.StoragePartDownloadFailed)
                .RunAsync(token => store.GetAsync("bucket", "key", (body, _, t) => Task.FromResult(0), token), CancellationToken.None));

            Assert.Single(redirecting.Requests);
            Assert.Empty(elsewhere.Requests);
        }
    }
}
