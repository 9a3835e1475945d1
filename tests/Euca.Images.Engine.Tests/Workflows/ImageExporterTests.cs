using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Workflows;
using Xunit;

namespace Euca.Images.Engine.Tests.Workflows
{
    /// <summary>
    /// The export's streaming half against a real object store (s3rver): a stored bundle into a disk file, which
    /// appears only when every check passed. Describing the image is covered by the Pester tests against the local cloud.
    /// </summary>
    [Collection(S3rverCollection.Name)]
    public sealed class ImageExporterTests : IDisposable
    {
        private const int ImageSize = 600_000;
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly CloudConnection _direct;
        private readonly RSA _key = StorageTestBundle.UserKey();

        public ImageExporterTests(S3rverFixture s3)
        {
            _direct = s3.Connect();
        }

        public void Dispose()
        {
            _key.Dispose();
            _direct.Dispose();
            _temp.Dispose();
        }

        [Theory]
        [InlineData(DiskFormat.Raw)]
        [InlineData(DiskFormat.Vhdx)]
        [InlineData(DiskFormat.Vmdk)]
        public async Task TheStoredImageBecomesADiskFileThatReadsBackAsTheImage(DiskFormat format)
        {
            (string location, _) = await StoreBundleAsync("export.img");
            StoredBundle bundle = await OpenAsync(location);
            string destination = Path.Combine(_temp.File("out"), "disk." + format);

            ExportedImage exported = await ImageExporter.WriteAsync(bundle, Request(destination, format), "emi-00000001", null, CancellationToken.None);

            byte[] image = File.ReadAllBytes(_temp.File("export.img"));
            using DiskImage disk = DiskImage.Open(destination);
            using var read = new MemoryStream();
            disk.OpenRawStream().CopyTo(read);
            Assert.Equal(image, read.ToArray().Take(ImageSize).ToArray());
            Assert.All(read.ToArray().Skip(ImageSize), b => Assert.Equal(0, b));
            Assert.Equal((format, disk.VirtualSize, new FileInfo(destination).Length, location), (exported.Format, exported.VirtualSize, exported.FileSize, exported.ManifestLocation));
            Assert.Equal(new[] { destination }, Directory.GetFiles(_temp.File("out")));
        }

        [Theory]
        [InlineData(false, "BundlePartCorrupt")]
        [InlineData(true, "BundlePartMissing")]
        public async Task APartThatDoesNotMatchTheManifestStopsTheExportAndLeavesNoFile(bool deletePart, string errorId)
        {
            (string location, string bucket) = await StoreBundleAsync("bad.img");
            var store = ObjectStore.For(_direct, null);
            if (deletePart)
            {
                await store.DeleteAsync(bucket, "bad.img.part.02", CancellationToken.None);
            }
            else
            {
                string other = ImageMaker.Write(_temp.File("other"), ImageMaker.Mixed(StorageTestBundle.PartSize, 1));
                await store.PutFileAsync(bucket, "bad.img.part.02", other, Convert.ToHexString(MD5.HashData(File.ReadAllBytes(other))).ToLowerInvariant(),
                    BundleAcl.AwsExecRead, null, CancellationToken.None);
            }

            StoredBundle bundle = await OpenAsync(location);
            string output = Directory.CreateDirectory(_temp.File("bad-out")).FullName;

            var error = await Assert.ThrowsAsync<EucaException>(() =>
                ImageExporter.WriteAsync(bundle, Request(Path.Combine(output, "bad.vmdk"), DiskFormat.Vmdk), "emi-00000002", null, CancellationToken.None));

            // The stages run at once: a replaced part's garbage can reach gunzip before the part's SHA-1 is complete, so
            // a corrupt part may also surface as the decompression failure. Either way the export stops and leaves nothing.
            if (errorId == "BundlePartCorrupt" && error.ErrorId == "BundleDecompressFailed")
            {
                Assert.Empty(Directory.GetFileSystemEntries(output));
                return;
            }

            Assert.Equal(errorId, error.ErrorId);
            Assert.Contains("bad.img.part.02", error.Message);
            Assert.Empty(Directory.GetFileSystemEntries(output));
        }

        [Fact]
        public async Task AStoppedExportLeavesNoFile()
        {
            (string location, _) = await StoreBundleAsync("stop.img");
            StoredBundle bundle = await OpenAsync(location);
            string output = Directory.CreateDirectory(_temp.File("stop-out")).FullName;
            using var stop = new CancellationTokenSource();
            var progress = new ProgressCallback(p =>
            {
                Assert.StartsWith("Exporting emi-00000003 to stop.vhdx (Vhdx)", p.Activity);
                stop.Cancel();
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                ImageExporter.WriteAsync(bundle, Request(Path.Combine(output, "stop.vhdx"), DiskFormat.Vhdx), "emi-00000003", progress, stop.Token));

            Assert.True(stop.IsCancellationRequested);
            Assert.Empty(Directory.GetFileSystemEntries(output));
        }

        [Fact]
        public async Task AnExistingDestinationIsRefusedBeforeTheCloudIsAskedAndReplacedWithForce()
        {
            string destination = _temp.File("exists.raw");
            File.WriteAllText(destination, "keep me");

            // s3rver answers no EC2 call: the refusal must come first.
            var error = await Assert.ThrowsAsync<EucaException>(() =>
                ImageExporter.ExportAsync(_direct, Request(destination, DiskFormat.Raw), null, CancellationToken.None));

            Assert.Equal(ErrorIds.ExportDestinationExists.Name, error.ErrorId);
            Assert.Equal("keep me", File.ReadAllText(destination));
            (string location, _) = await StoreBundleAsync("force.img");
            var forced = Request(destination, DiskFormat.Raw);
            forced.Force = true;
            await ImageExporter.WriteAsync(await OpenAsync(location), forced, "emi-00000004", null, CancellationToken.None);
            Assert.Equal(File.ReadAllBytes(_temp.File("force.img")), File.ReadAllBytes(destination));
        }

        [Theory]
        [InlineData(RootDeviceKind.Ebs, null, "ExportImageEbsBacked")]
        [InlineData(RootDeviceKind.InstanceStore, null, "ExportImageNoBundle")]
        [InlineData(RootDeviceKind.InstanceStore, "", "ExportImageNoBundle")]
        public void AnImageWithoutABundleIsRefusedWithWhatToDoInstead(RootDeviceKind root, string? location, string errorId)
        {
            var image = new ImageInfo { ImageId = "emi-0a1b2c3d", Name = "web", RootDeviceType = root, ImageLocation = location, State = "failed" };

            var error = Assert.Throws<EucaException>(() => ImageExporter.BundleOf(image));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Contains("emi-0a1b2c3d (web)", error.Message);
        }

        [Fact]
        public void AnInstanceStoreImageIsReadFromTheBundleItsManifestLocationNames()
        {
            var image = new ImageInfo { ImageId = "emi-0a1b2c3d", RootDeviceType = RootDeviceKind.InstanceStore, ImageLocation = "images/web/disk.img.manifest.xml" };

            Assert.Equal("images/web/disk.img.manifest.xml", ImageExporter.BundleOf(image).ToString());
        }

        private ImageExportRequest Request(string destination, DiskFormat format) => new ImageExportRequest("emi-00000001", destination, format, _key);

        private Task<StoredBundle> OpenAsync(string location) =>
            StoredBundle.OpenAsync(_direct, ManifestLocation.Parse(location), _key, CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem")), null, CancellationToken.None);

        private async Task<(string Location, string Bucket)> StoreBundleAsync(string name)
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, name, ImageSize, seed: 9);
            string bucket = "x-" + Guid.NewGuid().ToString("N").Substring(0, 12);
            BundleUpload upload = await BundleUploader.SendAsync(_direct, new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget(bucket)), null, CancellationToken.None);
            return (upload.ManifestLocation, bucket);
        }
    }
}
