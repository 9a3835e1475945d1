using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Storage
{
    /// <summary>Upload, download, unbundle and removal against a real s3rver, directly and through the fault proxy.</summary>
    [Collection(S3rverCollection.Name)]
    public sealed class BundleStorageTests : IDisposable
    {
        private readonly S3rverFixture _s3;
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly CloudConnection _direct;

        public BundleStorageTests(S3rverFixture s3)
        {
            _s3 = s3;
            _direct = s3.Connect();
        }

        public void Dispose()
        {
            _direct.Dispose();
            _temp.Dispose();
        }

        private static string NewBucket() => "b-" + Guid.NewGuid().ToString("N").Substring(0, 12);

        private static RetryPolicy FastRetry(List<TimeSpan>? delays = null, int attempts = 5) => new RetryPolicy(seed: 1)
        {
            MaxAttempts = attempts,
            Delay = (d, _) =>
            {
                lock (delays ?? new List<TimeSpan>()) delays?.Add(d);
                return Task.CompletedTask;
            },
        };

        private static bool IsPartPut(string method, string path) => method == "PUT" && path.Contains(".part.");

        /// <summary>Downloads the stored bundle directly from s3rver: Save checks every part against the manifest.</summary>
        private async Task<BundleInfo> VerifyStoredAsync(string location) =>
            await BundleDownloader.SaveAsync(_direct, new BundleSaveRequest(location, _temp.File("check-" + Guid.NewGuid().ToString("N")), 4, FastRetry()), null, CancellationToken.None);

        [Fact]
        public async Task SendCreatesTheBucketStoresVerifiedPartsAndTheManifestLast()
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, "disk.img");
            string bucket = NewBucket();
            using var proxy = new FaultProxy(_s3.Port, (_, _, _) => Fault.None);
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);

            BundleUpload upload = await BundleUploader.SendAsync(connection, new BundleSendRequest(bundle.ManifestPath,
                new BundleUploadTarget(bucket) { KeyPrefix = "images/2026", Retry = FastRetry() }), null, CancellationToken.None);

            Assert.Equal($"{bucket}/images/2026/disk.img.manifest.xml", upload.ManifestLocation);
            Assert.Equal(bundle.Parts.Count, upload.PartsUploaded);
            Assert.Equal(bundle.BundledSize + new FileInfo(bundle.ManifestPath).Length, upload.BytesUploaded);
            var puts = proxy.Requests.Where(r => r.Method == "PUT").ToList();
            Assert.Equal($"/{bucket}", puts.First().Path.TrimEnd('/'));
            Assert.EndsWith(".manifest.xml", puts.Last().Path);
            Assert.Equal(bundle.Parts.Count, puts.Count(r => IsPartPut(r.Method, r.Path)));

            BundleInfo stored = await VerifyStoredAsync(upload.ManifestLocation);
            Assert.Equal(bundle.Parts.Select(p => p.Digest), stored.Parts.Select(p => p.Digest));
            Assert.Equal(File.ReadAllBytes(bundle.ManifestPath), File.ReadAllBytes(stored.ManifestPath));
        }

        [Fact]
        public async Task EveryPartArrivesVerifiedThroughDropsResetsStallsCorruptionAndServerErrors()
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, "faulty.img", size: 900_000, seed: 9);
            Assert.True(bundle.Parts.Count >= 8);
            string bucket = NewBucket();
            var faults = new Dictionary<string, Fault>
            {
                [".part.00"] = Fault.Http(500),
                [".part.01"] = Fault.Http(503),
                [".part.02"] = new Fault(FaultKind.Drop),
                [".part.03"] = new Fault(FaultKind.Reset),
                [".part.04"] = new Fault(FaultKind.Stall),
                [".part.05"] = new Fault(FaultKind.CorruptBody),
                [".part.06"] = new Fault(FaultKind.TruncateResponse),
                [".manifest.xml"] = Fault.Http(500),
            };
            var firstSeen = new HashSet<string>();
            using var proxy = new FaultProxy(_s3.Port, (_, method, path) =>
            {
                string? suffix = faults.Keys.FirstOrDefault(s => path.EndsWith(s, StringComparison.Ordinal));
                lock (firstSeen)
                {
                    return method == "PUT" && suffix != null && firstSeen.Add(suffix) ? faults[suffix] : Fault.None;
                }
            });
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url, timeout: TimeSpan.FromSeconds(2));
            var delays = new List<TimeSpan>();

            BundleUpload upload = await BundleUploader.SendAsync(connection, new BundleSendRequest(bundle.ManifestPath,
                new BundleUploadTarget(bucket) { Retry = FastRetry(delays) }), null, CancellationToken.None);

            Assert.Equal(bundle.Parts.Count, upload.PartsUploaded);
            Assert.True(faults.Count == delays.Count, string.Join("\n", proxy.Requests.Select(r => $"{r.Number} {r.Method} {r.Path} {r.Fault}")));
            Assert.Equal(faults.Count, proxy.Requests.Count(r => r.Fault.Kind != FaultKind.None));
            BundleInfo stored = await VerifyStoredAsync(upload.ManifestLocation);
            Assert.Equal(bundle.Parts.Select(p => p.Digest), stored.Parts.Select(p => p.Digest));
        }

        [Fact]
        public async Task ClientErrorsAreNotRetriedAndTheErrorNamesBucketKeyStatusAndNextSteps()
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, "denied.img");
            string bucket = NewBucket();
            using var proxy = new FaultProxy(_s3.Port, (_, method, path) => method == "PUT" && path.EndsWith(".part.01") ? Fault.Http(403) : Fault.None);
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => BundleUploader.SendAsync(connection, new BundleSendRequest(bundle.ManifestPath,
                new BundleUploadTarget(bucket) { Retry = FastRetry(), ThrottleLimit = 1 }), null, CancellationToken.None));

            Assert.Equal("StorageAccessDenied", error.ErrorId);
            Assert.Contains($"{bucket}/denied.img.part.01", error.Message);
            Assert.Contains("403", error.Message);
            Assert.Contains("-Resume", error.Message);
            Assert.Contains("Remove-EucaBundle", error.Message);
            Assert.Single(proxy.Requests, r => r.Path.EndsWith(".part.01"));
            Assert.Null(await ObjectStore.For(_direct, null).HeadAsync(bucket, "denied.img.manifest.xml", CancellationToken.None));
        }

        [Fact]
        public async Task PersistentServerErrorsEndAfterTheLastAttemptWithTheStatus()
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, "busy.img");
            string bucket = NewBucket();
            using var proxy = new FaultProxy(_s3.Port, (_, method, path) => method == "PUT" && path.EndsWith(".part.02") ? Fault.Http(503) : Fault.None);
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => BundleUploader.SendAsync(connection, new BundleSendRequest(bundle.ManifestPath,
                new BundleUploadTarget(bucket) { Retry = FastRetry(attempts: 3) }), null, CancellationToken.None));

            Assert.Equal("StoragePartUploadFailed", error.ErrorId);
            Assert.Contains("HTTP 503", error.Message);
            Assert.Contains("busy.img.part.02", error.Message);
            Assert.Equal(3, proxy.Requests.Count(r => r.Path.EndsWith(".part.02")));
            Assert.DoesNotContain(proxy.Requests, r => r.Path.EndsWith(".manifest.xml") && r.Method == "PUT");
        }

        [Fact]
        public async Task AStoppedUploadStopsWithinASecondLeavesNoManifestAndResumeSendsOnlyTheRest()
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, "resume.img", size: 900_000, seed: 3);
            string bucket = NewBucket();
            using var cts = new CancellationTokenSource();
            var stopwatch = new Stopwatch();
            int partPuts = 0;
            long cancelledAtMs = -1;
            using var proxy = new FaultProxy(_s3.Port, (_, method, path) =>
            {
                if (!IsPartPut(method, path) || Interlocked.Increment(ref partPuts) <= 3)
                {
                    return Fault.None;
                }

                // The fourth part hangs; the user presses Ctrl+C while it does. The moment is taken before cancelling:
                // cancellation callbacks run last-registered first, so the upload may end before a callback of ours ran.
                if (!stopwatch.IsRunning)
                {
                    stopwatch.Start();
                    Task.Delay(200).ContinueWith(delay =>
                    {
                        Interlocked.Exchange(ref cancelledAtMs, stopwatch.ElapsedMilliseconds);
                        cts.Cancel();
                    }, TaskScheduler.Default);
                }

                return new Fault(FaultKind.Stall);
            });
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);
            var target = new BundleUploadTarget(bucket) { Retry = FastRetry(), ThrottleLimit = 1 };

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                BundleUploader.SendAsync(connection, new BundleSendRequest(bundle.ManifestPath, target), null, cts.Token));
            // From the moment of Ctrl+C (the cancellation) to the upload giving up: under a second.
            Assert.True(Interlocked.Read(ref cancelledAtMs) >= 0, "the upload ended before it was cancelled");
            Assert.InRange(stopwatch.ElapsedMilliseconds - Interlocked.Read(ref cancelledAtMs), 0, 1000);

            Assert.Equal(3, target.Journal.StoredKeys.Count);
            Assert.False(target.Journal.ManifestStored);
            Assert.Contains("-Resume", target.Journal.Describe());
            Assert.Null(await ObjectStore.For(_direct, null).HeadAsync(bucket, "resume.img.manifest.xml", CancellationToken.None));

            using var clean = new FaultProxy(_s3.Port, (_, _, _) => Fault.None);
            using CloudConnection again = S3rverFixture.Connect(clean.Url);
            BundleUpload resumed = await BundleUploader.SendAsync(again, new BundleSendRequest(bundle.ManifestPath,
                new BundleUploadTarget(bucket) { Retry = FastRetry() }, resume: true), null, CancellationToken.None);

            Assert.Equal(3, resumed.PartsSkipped);
            Assert.Equal(bundle.Parts.Count - 3, resumed.PartsUploaded);
            Assert.Equal(bundle.Parts.Count - 3 + 1, clean.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("resume.img")));
            await VerifyStoredAsync(resumed.ManifestLocation);
        }

        [Fact]
        public async Task SaveRetriesCutOffDownloadsAndExpandUnbundlesStraightFromStorage()
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, "round.img", size: 500_000, seed: 11);
            string bucket = NewBucket();
            BundleUpload upload = await BundleUploader.SendAsync(_direct,
                new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget(bucket) { Retry = FastRetry() }), null, CancellationToken.None);
            var cut = new HashSet<string>();
            using var proxy = new FaultProxy(_s3.Port, (_, method, path) =>
            {
                lock (cut)
                {
                    return method == "GET" && path.Contains(".part.") && cut.Add(path) ? new Fault(FaultKind.TruncateResponse) : Fault.None;
                }
            });
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);

            BundleInfo saved = await BundleDownloader.SaveAsync(connection, new BundleSaveRequest(upload.ManifestLocation, _temp.File("saved"), 4, FastRetry()), null, CancellationToken.None);
            Assert.Equal(bundle.Parts.Count, cut.Count);
            foreach (BundlePartInfo part in saved.Parts)
            {
                Assert.Equal(File.ReadAllBytes(bundle.Parts[part.Index].Path), File.ReadAllBytes(part.Path));
            }

            using RSA key = StorageTestBundle.UserKey();
            ExpandedImage image = await StoredBundleExpander.ExpandAsync(_direct, new StoredBundleExpandRequest(upload.ManifestLocation, _temp.File("out"), key, retry: FastRetry()), null, CancellationToken.None);
            Assert.Equal(File.ReadAllBytes(_temp.File("round.img")), File.ReadAllBytes(image.Path));
            Assert.Empty(Directory.GetFiles(_temp.File("out"), "*.part.*"));
        }

        [Fact]
        public async Task SaveRefusesAStoredPartThatDoesNotMatchTheManifest()
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, "bad.img");
            string bucket = NewBucket();
            BundleUpload upload = await BundleUploader.SendAsync(_direct,
                new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget(bucket) { Retry = FastRetry() }), null, CancellationToken.None);
            string other = ImageMaker.Write(_temp.File("other"), ImageMaker.Mixed(1000, 1));
            await ObjectStore.For(_direct, null).PutFileAsync(bucket, "bad.img.part.01", other, FileMd5Of(other), BundleAcl.AwsExecRead, null, CancellationToken.None);

            var error = await Assert.ThrowsAsync<EucaException>(() => BundleDownloader.SaveAsync(_direct, new BundleSaveRequest(upload.ManifestLocation, _temp.File("bad-out"), 2, FastRetry()), null, CancellationToken.None));
            Assert.Equal("StoragePartCorrupt", error.ErrorId);
            Assert.Contains($"{bucket}/bad.img.part.01", error.Message);
            Assert.False(File.Exists(_temp.File("bad-out/bad.img.manifest.xml")));
        }

        [Fact]
        public async Task RemoveDeletesPartsThenManifestOrFindsPartsByPrefixWhenTheManifestIsGone()
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, "gone.img");
            string bucket = NewBucket();
            var store = ObjectStore.For(_direct, null);
            BundleUpload upload = await BundleUploader.SendAsync(_direct, new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget(bucket) { KeyPrefix = "p" }), null, CancellationToken.None);
            string unrelated = ImageMaker.Write(_temp.File("keep"), new byte[10]);
            await store.PutFileAsync(bucket, "p/gone.img.partial-notes", unrelated, FileMd5Of(unrelated), BundleAcl.AwsExecRead, null, CancellationToken.None);

            IReadOnlyList<string> deleted = await BundleRemover.RemoveAsync(_direct, new BundleRemoveRequest(upload.ManifestLocation, retry: FastRetry()), null, CancellationToken.None);
            Assert.Equal(bundle.Parts.Count + 1, deleted.Count);
            Assert.Equal("p/gone.img.manifest.xml", deleted.Last());
            Assert.Equal(new[] { "p/gone.img.partial-notes" }, (await store.ListAsync(bucket, "", CancellationToken.None)).Select(o => o.Key));

            // An interrupted upload: parts without a manifest.
            await store.PutFileAsync(bucket, "p/gone.img.part.00", unrelated, FileMd5Of(unrelated), BundleAcl.AwsExecRead, null, CancellationToken.None);
            await store.PutFileAsync(bucket, "p/gone.img.part.07", unrelated, FileMd5Of(unrelated), BundleAcl.AwsExecRead, null, CancellationToken.None);
            deleted = await BundleRemover.RemoveAsync(_direct, new BundleRemoveRequest(upload.ManifestLocation, retry: FastRetry()), null, CancellationToken.None);
            Assert.Equal(new[] { "p/gone.img.part.00", "p/gone.img.part.07" }, deleted);

            var error = await Assert.ThrowsAsync<EucaException>(() => BundleRemover.RemoveAsync(_direct, new BundleRemoveRequest(upload.ManifestLocation, retry: FastRetry()), null, CancellationToken.None));
            Assert.Equal("StorageManifestNotFound", error.ErrorId);
        }

        [Fact]
        public async Task BundleAndUploadInOnePassNeverWritesAPartToDisk()
        {
            string image = StorageTestBundle.Image(_temp, "stream.img", 900_000, 21);
            string destination = _temp.File("streaming");
            string bucket = NewBucket();
            int mostOnDisk = 0;
            using var proxy = new FaultProxy(_s3.Port, (_, method, path) =>
            {
                if (!IsPartPut(method, path))
                {
                    return Fault.None;
                }

                InterlockedMax(ref mostOnDisk, Directory.Exists(destination) ? Directory.GetFiles(destination, "stream.img.part.*").Length : 0);
                // Uploads slower than bundling: the writer must wait for a free buffer.
                return new Fault(FaultKind.Delay, time: TimeSpan.FromMilliseconds(100));
            });
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);

            BundleUpload upload = await BundleStreamUploader.CreateAndSendAsync(connection, new BundleCreateAndSendRequest(StorageTestBundle.Request(image, destination),
                new BundleUploadTarget(bucket) { Retry = FastRetry() }, maxPendingParts: 2), null, CancellationToken.None);

            Assert.True(upload.PartCount >= 8);
            Assert.Equal(upload.PartCount, upload.PartsUploaded);
            Assert.Equal(0, mostOnDisk);
            Assert.Empty(Directory.GetFiles(destination));
            Assert.EndsWith(".manifest.xml", proxy.Requests.Last(r => r.Method == "PUT").Path);

            using RSA key = StorageTestBundle.UserKey();
            ExpandedImage expanded = await StoredBundleExpander.ExpandAsync(_direct, new StoredBundleExpandRequest(upload.ManifestLocation, _temp.File("streamed-out"), key, retry: FastRetry()), null, CancellationToken.None);
            Assert.Equal(File.ReadAllBytes(image), File.ReadAllBytes(expanded.Path));
        }

        [Fact]
        public async Task BundleAndUploadInOnePassKeepsPartsIdenticalToTheStoredOnesWhenAsked()
        {
            string image = StorageTestBundle.Image(_temp, "kept.img", 600_000, 22);
            string destination = _temp.File("kept");
            string bucket = NewBucket();

            BundleUpload upload = await BundleStreamUploader.CreateAndSendAsync(_direct, new BundleCreateAndSendRequest(StorageTestBundle.Request(image, destination),
                new BundleUploadTarget(bucket) { Retry = FastRetry() }, maxPendingParts: 3, keepBundle: true), null, CancellationToken.None);

            BundleInfo stored = await VerifyStoredAsync(upload.ManifestLocation);
            Assert.Equal(upload.PartCount, stored.Parts.Count);
            foreach (BundlePartInfo part in stored.Parts)
            {
                Assert.Equal(File.ReadAllBytes(part.Path), File.ReadAllBytes(Path.Combine(destination, part.FileName)));
            }

            Assert.Equal(File.ReadAllBytes(stored.ManifestPath), File.ReadAllBytes(Path.Combine(destination, "kept.img.manifest.xml")));
        }

        [Fact]
        public async Task PendingPartsThatWouldTakeTooMuchMemoryAreRefusedBeforeAnythingIsSent()
        {
            string image = StorageTestBundle.Image(_temp, "huge-parts.img", 100_000, 23);
            using var proxy = new FaultProxy(_s3.Port, (_, _, _) => Fault.None);
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);
            BundleCreateRequest request = StorageTestBundle.Request(image, _temp.File("huge-parts"));
            request.PartSize = 200L * 1024 * 1024;

            var error = await Assert.ThrowsAsync<EucaException>(() => BundleStreamUploader.CreateAndSendAsync(connection,
                new BundleCreateAndSendRequest(request, new BundleUploadTarget(NewBucket()), maxPendingParts: 4), null, CancellationToken.None));

            Assert.Equal("PendingPartsTooLarge", error.ErrorId);
            Assert.Contains("800 MiB", error.Message);
            Assert.Equal(request.PartSize, error.Target);
            Assert.Empty(proxy.Requests);
            Assert.False(Directory.Exists(_temp.File("huge-parts")));

            request.PartSize = long.MaxValue;
            error = await Assert.ThrowsAsync<EucaException>(() => BundleStreamUploader.CreateAndSendAsync(connection,
                new BundleCreateAndSendRequest(request, new BundleUploadTarget(NewBucket()), maxPendingParts: 2), null, CancellationToken.None));
            Assert.Equal("PendingPartsTooLarge", error.ErrorId);
            Assert.Empty(proxy.Requests);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }

        private static string FileMd5Of(string path) => Convert.ToHexString(MD5.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
    }
}
