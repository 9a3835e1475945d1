using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Import
{
    /// <summary>The resumable upload loop over a loopback object store: what it skips, what it retries, what it refuses.</summary>
    public sealed class ImportUploadTests : IDisposable
    {
        private readonly ObjectStoreLoopback _store = new ObjectStoreLoopback();
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly CloudConnection _connection;
        private readonly ImportUploadOptions _options = new ImportUploadOptions { PartSize = 1000, ThrottleLimit = 3, RetryDelay = TimeSpan.FromMilliseconds(1) };

        public ImportUploadTests()
        {
            var environment = new ConfigurationEnvironment(new Dictionary<string, string>(), Path.Combine(_temp.Path, "home"), Path.Combine(_temp.Path, "etc"), _temp.Path, _temp.Path);
            var settings = CloudSettingsResolver.Resolve(new CloudSettingsRequest
            {
                ComputeUrl = "http://127.0.0.1:1/",
                ObjectStorageUrl = _store.Url.ToString(),
                AccessKey = "AKITEST",
                SecretKey = "secret",
                Environment = environment,
            });
            _connection = new CloudConnection(settings, new CloudConnectionOptions { MaxErrorRetry = 0, Timeout = TimeSpan.FromSeconds(10) });
        }

        public void Dispose()
        {
            _connection.Dispose();
            _store.Dispose();
            _temp.Dispose();
        }

        private (string Path, ImportManifest Manifest, byte[] Data) Disk(int size)
        {
            var data = new byte[size];
            new Random(size).NextBytes(data);
            string path = _temp.File("disk.raw");
            File.WriteAllBytes(path, data);
            var signer = new ImportUrlSigner(_connection.Settings, "b", DateTimeOffset.UtcNow.AddDays(30));
            return (path, ImportManifestBuilder.Build(signer, "u/disk.raw.manifest.xml", "disk.raw", size, "RAW", size, 1, _options.PartSize), data);
        }

        private async Task<int> UploadAsync(string path, ImportManifest manifest)
        {
            using PreparedDisk disk = PreparedDisk.From(new VolumeImportRequest(path, "b", "one"));
            return await new ImportUploader(new ImportStorage(_connection, _options), _options).UploadMissingPartsAsync("b", manifest, disk, null, CancellationToken.None);
        }

        [Fact]
        public async Task SendsEverySliceOfTheFileOnce()
        {
            var (path, manifest, data) = Disk(4500);

            int sent = await UploadAsync(path, manifest);

            Assert.Equal(5, sent);
            Assert.Equal(data, Enumerable.Range(0, 5).SelectMany(i => _store.Objects["b/u/disk.raw.part." + i]).ToArray());
        }

        [Fact]
        public async Task ResumeSendsOnlyMissingAndShortParts()
        {
            var (path, manifest, data) = Disk(4500);
            await UploadAsync(path, manifest);
            _store.Objects.TryRemove("b/u/disk.raw.part.1", out _);
            _store.Objects["b/u/disk.raw.part.3"] = new byte[10];
            while (_store.Puts.TryDequeue(out _))
            {
            }

            int sent = await UploadAsync(path, manifest);

            Assert.Equal(2, sent);
            Assert.Equal(new[] { "b/u/disk.raw.part.1", "b/u/disk.raw.part.3" }, _store.Puts.OrderBy(p => p, StringComparer.Ordinal));
            Assert.Equal(data.Skip(3000).Take(1000), _store.Objects["b/u/disk.raw.part.3"]);
        }

        [Fact]
        public async Task RetriesServiceUnavailable()
        {
            var (path, manifest, _) = Disk(900);
            _store.FailNextPuts(2, 503);

            Assert.Equal(1, await UploadAsync(path, manifest));
            Assert.Equal(3, _store.Puts.Count);
        }

        [Fact]
        public async Task DoesNotRetryAccessDenied()
        {
            var (path, manifest, _) = Disk(900);
            _store.FailNextPuts(1, 403);

            var e = await Assert.ThrowsAsync<EucaException>(() => UploadAsync(path, manifest));

            Assert.Equal("Cloud.AccessDenied", e.ErrorId);
            Assert.Single(_store.Puts);
        }

        [Fact]
        public async Task GivesUpAfterTheLastAttempt()
        {
            var (path, manifest, _) = Disk(900);
            _store.FailNextPuts(10, 500);

            await Assert.ThrowsAsync<EucaException>(() => UploadAsync(path, manifest));

            Assert.Equal(_options.MaxAttempts, _store.Puts.Count);
        }

        [Fact]
        public async Task RefusesAPartWhoseETagIsNotItsMd5()
        {
            var (path, manifest, _) = Disk(900);
            _store.CorruptETags = true;

            var e = await Assert.ThrowsAsync<EucaException>(() => UploadAsync(path, manifest));

            Assert.Equal("ImportPartCorrupted", e.ErrorId);
            Assert.Equal("u/disk.raw.part.0", e.Target);
        }

        [Fact]
        public async Task ImportInstanceSendsTheLaunchSpecificationIncludingTheKeyNameTheSdkLacks()
        {
            using var ec2Server = new LoopbackServer(_ => new LoopbackServer.Response(200,
                "<ImportInstanceResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><conversionTask><conversionTaskId>import-i-12345678</conversionTaskId><state>active</state></conversionTask></ImportInstanceResponse>"));
            using var connection = CloudTestSettings.Connect(new Uri(ec2Server.Url, "services/compute"));
            var (path, _, _) = Disk(900);
            var request = new InstanceImportRequest(path, "b", "m1.small", "Linux")
            {
                KeyName = "admin key", SecurityGroups = new[] { "web", "ssh" }, Monitoring = true, UserData = "hi", AvailabilityZone = "one",
            };
            var parameters = ImportInstanceQuery.Parameters(request, PreparedDisk.From(request), "http://h/b/k?x=1");

            string id = await ImportInstanceQuery.SendAsync(connection, parameters, CancellationToken.None);

            Assert.Equal("import-i-12345678", id);
            var recorded = Assert.Single(ec2Server.Requests);
            Assert.Equal("/services/compute", recorded.Path);
            Assert.Contains("/eucalyptus/ec2/aws4_request", recorded.Authorization);
            foreach (string expected in new[]
            {
                "Action=ImportInstance", "Platform=Linux", "LaunchSpecification.InstanceType=m1.small", "LaunchSpecification.KeyName=admin%20key",
                "LaunchSpecification.GroupName.1=web", "LaunchSpecification.GroupName.2=ssh", "LaunchSpecification.Monitoring.Enabled=true",
                "LaunchSpecification.Placement.AvailabilityZone=one", "LaunchSpecification.UserData.Data=aGk%3D", "DiskImage.1.Image.Format=RAW",
                "DiskImage.1.Image.Bytes=900", "DiskImage.1.Volume.Size=1", "DiskImage.1.Image.ImportManifestUrl=http%3A%2F%2Fh%2Fb%2Fk%3Fx%3D1",
            })
            {
                Assert.Contains(expected, recorded.Body);
            }
        }

        [Fact]
        public async Task ImportInstanceErrorsAreTranslatedLikeSdkErrors()
        {
            using var ec2Server = new LoopbackServer(_ => new LoopbackServer.Response(400,
                "<Response><Errors><Error><Code>InvalidZone.NotFound</Code><Message>no zone</Message></Error></Errors><RequestID>r</RequestID></Response>"));
            using var connection = CloudTestSettings.Connect(ec2Server.Url);
            var (path, _, _) = Disk(900);
            var request = new InstanceImportRequest(path, "b", "m1.small", "Linux");

            var e = await Assert.ThrowsAsync<EucaException>(() => ImportInstanceQuery.SendAsync(connection, ImportInstanceQuery.Parameters(request, PreparedDisk.From(request), "u"), CancellationToken.None));

            Assert.Equal("Cloud.InvalidZone.NotFound", e.ErrorId);
        }
    }
}
