using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Workflows;

namespace Euca.Images.Engine.Tests.Workflows
{
    public sealed class CatalogInstallerTests : IDisposable
    {
        private readonly RangeFileServer _server = new RangeFileServer();
        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose()
        {
            _server.Dispose();
            _temp.Dispose();
        }

        [Fact]
        public async Task AWrongChecksumStopsTheInstallBeforeTheCloudAndLeavesNoFiles()
        {
            Uri uri = _server.Put("centos.tgz", new byte[1 << 20]);
            var entry = new CatalogImage("1234567890", uri, CatalogGeneration.Eustore, _server.Url.ToString())
            {
                Checksum = new CatalogChecksum(CatalogChecksumAlgorithm.EustoreCrc32OfMd5, "1234567890"),
            };
            int bundles = 0;
            CatalogInstallRequest request = CatalogInstallRequest.ForEntry(entry, null, "images");
            request.DownloadDirectory = _temp.Path;
            request.BundleFor = (path, properties) => throw new InvalidOperationException($"bundle {++bundles}");

            // No cloud listens here: any call to it would fail with another error.
            using var connection = CloudTestSettings.Connect(new Uri("http://127.0.0.1:9/services/compute"));
            var failure = await Assert.ThrowsAsync<EucaException>(() => new CatalogInstaller(connection).InstallAsync(request, null, CancellationToken.None));

            Assert.Equal(ErrorIds.CatalogChecksumMismatch.Name, failure.ErrorId);
            Assert.Contains("while downloading", failure.Message);
            Assert.Equal(0, bundles);
            Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
        }

        [Fact]
        public async Task CtrlCKeepsOnlyThePartFileTheNextRunResumes()
        {
            Uri uri = _server.Put("focal.raw.xz", new byte[4 << 20]);
            _server.Faults = n => new RangeFault(StallAfterHalf: TimeSpan.FromSeconds(10));
            CatalogInstallRequest request = CatalogInstallRequest.ForUri(uri, "focal", "images");
            request.DownloadDirectory = _temp.Path;
            request.BundleFor = (path, properties) => throw new InvalidOperationException("nothing may be bundled");
            using var connection = CloudTestSettings.Connect(new Uri("http://127.0.0.1:9/services/compute"));
            using var ctrlC = new CancellationTokenSource();
            var progress = new Progress.ProgressCallback(p => { if (p.BytesDone >= 1 << 20) ctrlC.Cancel(); });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CatalogInstaller(connection).InstallAsync(request, progress, ctrlC.Token));

            string part = DownloadFolder.FileFor(_temp.Path, uri) + ".part";
            Assert.Equal(new[] { part, part + ".validator" }, Directory.GetFileSystemEntries(_temp.Path).Order());
            Assert.True(new FileInfo(part).Length >= 1 << 20);
        }

        [Fact]
        public void ImagesAreTaggedWithTheEntrysNameAndVersionAndTheCallersTags()
        {
            var entry = new CatalogImage("ubuntu-focal", new Uri("http://example.test/focal.raw.xz"), CatalogGeneration.EucalyptusImages, "catalog.json")
            {
                Version = "20.04",
            };
            CatalogInstallRequest fromEntry = CatalogInstallRequest.ForEntry(entry, "focal", "images");
            fromEntry.Tags = new Dictionary<string, string> { ["team"] = "web" };
            CatalogInstallRequest fromUri = CatalogInstallRequest.ForUri(new Uri("http://example.test/x.raw"), "x", "images");

            Assert.Equal(new Dictionary<string, string> { ["catalog:name"] = "ubuntu-focal", ["catalog:version"] = "20.04", ["team"] = "web" }, CatalogInstaller.TagsFor(fromEntry));
            Assert.Equal(new Dictionary<string, string> { ["catalog:name"] = "x" }, CatalogInstaller.TagsFor(fromUri));
        }
    }
}
