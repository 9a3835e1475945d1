using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Migration;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Workflows;
using Euca.Images.LocalCloud.State.Migration;

namespace Euca.Images.Engine.Tests.Workflows
{
    /// <summary>
    /// EBS-backed AWS image to EBS-backed Eucalyptus image between an AWS-flavour and a Eucalyptus local cloud, each
    /// with its own s3rver: the bytes arrive unchanged, a failure half way registers nothing and a second run finishes
    /// with the same export, Ctrl+C cancels the export task, and a Eucalyptus source is refused with the route.
    /// </summary>
    [Collection(MigrationCloudsCollection.Name)]
    public sealed class AwsEbsImageCopierTests : MigrationCloudsTest
    {
        private const int DiskBytes = 5 * 1024 * 1024 + 4096;

        public AwsEbsImageCopierTests(MigrationClouds clouds)
            : base(clouds)
        {
        }

        [Fact]
        public async Task CopyBootsFromASnapshotHoldingTheSourceVolumesBytesAndRemovesTheExport()
        {
            using CloudConnection aws = Clouds.ConnectAws();
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            (string sourceId, string sourceSnapshot) = await AwsSourceImages.CreateAsync(aws, DiskBytes);
            AwsEbsCopyRequest request = Request(sourceId);

            ImageInfo copy = await new AwsEbsImageCopier(aws, euca).CopyAsync(request, null, CancellationToken.None);

            Assert.Equal(RootDeviceKind.Ebs, copy.RootDeviceType);
            Assert.Equal("x86_64", copy.Architecture);
            Assert.Equal("an AWS image to copy", copy.Description);
            string copySnapshot = request.Journal.Import!.SnapshotId!;
            Assert.Equal(await File.ReadAllBytesAsync(Clouds.Aws.State.Disks.PathOf(sourceSnapshot)),
                await File.ReadAllBytesAsync(Clouds.Eucalyptus.State.Disks.PathOf(copySnapshot)));
            Assert.Null(await ObjectStore.For(aws, null).HeadAsync(AwsSourceImages.Bucket, request.Journal.ExportObject!.Substring(AwsSourceImages.Bucket.Length + 1), CancellationToken.None));
            Assert.True(request.Journal.ExportRemoved);
            Assert.Null(request.Journal.Import.VolumeId);
        }

        [Fact]
        public async Task VmdkExportIsSentAsItIsAndTheDestinationsVolumeHoldsTheSameDisk()
        {
            using CloudConnection aws = Clouds.ConnectAws();
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            // A whole number of 64 KiB grains, so the VMDK's capacity is exactly the disk's size.
            (string sourceId, string sourceSnapshot) = await AwsSourceImages.CreateAsync(aws, 4 * 1024 * 1024);
            AwsEbsCopyRequest request = Request(sourceId);
            request.ExportFormat = ExportFormat.Vmdk;
            request.KeepExport = true;

            await new AwsEbsImageCopier(aws, euca).CopyAsync(request, null, CancellationToken.None);

            Assert.EndsWith(".vmdk", request.Journal.ExportObject);
            Assert.Equal("VMDK", Clouds.Eucalyptus.State.ConversionTasks.Find(request.Journal.Import!.ConversionTaskId!)!.Format);
            Assert.Equal(await File.ReadAllBytesAsync(Clouds.Aws.State.Disks.PathOf(sourceSnapshot)),
                await File.ReadAllBytesAsync(Clouds.Eucalyptus.State.Disks.PathOf(request.Journal.Import.SnapshotId!)));
        }

        [Fact]
        public async Task KeepExportLeavesTheExportedDiskInTheBucket()
        {
            using CloudConnection aws = Clouds.ConnectAws();
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            (string sourceId, string sourceSnapshot) = await AwsSourceImages.CreateAsync(aws, 4096);
            AwsEbsCopyRequest request = Request(sourceId);
            request.KeepExport = true;

            await new AwsEbsImageCopier(aws, euca).CopyAsync(request, null, CancellationToken.None);

            string key = request.Journal.ExportObject!.Substring(AwsSourceImages.Bucket.Length + 1);
            Assert.Equal($"exports/{request.Journal.ExportTaskId}.raw", key);
            Assert.Equal(new FileInfo(Clouds.Aws.State.Disks.PathOf(sourceSnapshot)).Length,
                (await ObjectStore.For(aws, null).HeadAsync(AwsSourceImages.Bucket, key, CancellationToken.None))!.Size);
        }

        [Fact]
        public async Task DroppedConnectionsLeaveNothingRegisteredAndASecondRunFinishesWithTheSameExport()
        {
            using CloudConnection aws = Clouds.ConnectAws();
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            (string sourceId, string sourceSnapshot) = await AwsSourceImages.CreateAsync(aws, DiskBytes);
            // Every read of the exported disk loses its connection: the import's parts cannot be sent.
            Clouds.AwsStorageFault = (method, path) => method == "GET" && path.Contains("/exports/", StringComparison.Ordinal) ? new Fault(FaultKind.Drop) : Fault.None;
            AwsEbsCopyRequest first = Request(sourceId);

            var failure = await Assert.ThrowsAsync<EucaException>(() => new AwsEbsImageCopier(aws, euca).CopyAsync(first, null, CancellationToken.None));

            Assert.Equal(ErrorIds.ImportUploadFailed.Name, failure.ErrorId);
            Assert.Contains("copying again reuses it", failure.Message);
            // The disk is another cloud's object, which Resume-EucaImport cannot read: the import is removed instead.
            Assert.DoesNotContain("Resume-EucaImport", failure.Message);
            Assert.DoesNotContain("Stop-EucaConversionTask", failure.Message);
            Assert.Contains($"The uploaded parts and manifest of conversion task {first.Journal.Import!.ConversionTaskId} were deleted", failure.Message);
            await AssertNothingLeftInEucalyptusAsync(euca, first);
            Clouds.AwsStorageFault = (_, _) => Fault.None;
            AwsEbsCopyRequest second = Request(sourceId);
            second.Name = first.Name;

            ImageInfo copy = await new AwsEbsImageCopier(aws, euca).CopyAsync(second, null, CancellationToken.None);

            Assert.Equal(first.Journal.ExportTaskId, second.Journal.ExportTaskId);
            Assert.Equal(await File.ReadAllBytesAsync(Clouds.Aws.State.Disks.PathOf(sourceSnapshot)),
                await File.ReadAllBytesAsync(Clouds.Eucalyptus.State.Disks.PathOf(second.Journal.Import!.SnapshotId!)));
            Assert.Single(Clouds.Eucalyptus.State.SnapshotImages(), i => i.Name == first.Name && i.ImageId == copy.ImageId);
        }

        [Fact]
        public async Task CtrlCWhileExportingCancelsTheExportTask()
        {
            using CloudConnection aws = Clouds.ConnectAws();
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            (string sourceId, _) = await AwsSourceImages.CreateAsync(aws, 4096);
            using var stop = new CancellationTokenSource();
            var progress = new SynchronousProgress(p =>
            {
                if (p.Activity.StartsWith("Exporting", StringComparison.Ordinal))
                {
                    stop.Cancel();
                }
            });
            AwsEbsCopyRequest request = Request(sourceId);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new AwsEbsImageCopier(aws, euca).CopyAsync(request, progress, stop.Token));

            ExportImageTaskRecord task = Clouds.Aws.State.MigrationTasks.Exports.Find(request.Journal.ExportTaskId!)!;
            Assert.Contains(task.Status, new[] { MigrationTaskStates.Deleting, MigrationTaskStates.Deleted });
        }

        [Fact]
        public async Task CtrlCWhileUploadingCancelsTheConversionTaskAndDeletesItsPartsAndASecondRunFinishes()
        {
            using CloudConnection aws = Clouds.ConnectAws();
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            (string sourceId, string sourceSnapshot) = await AwsSourceImages.CreateAsync(aws, DiskBytes);
            using var stop = new CancellationTokenSource();
            // Stopped after the first part is stored, so the task, the manifest and a part exist.
            var progress = new SynchronousProgress(p =>
            {
                if (p.Activity.StartsWith("Uploading", StringComparison.Ordinal) && p.BytesDone > 0)
                {
                    stop.Cancel();
                }
            });
            AwsEbsCopyRequest first = Request(sourceId);
            first.Upload.ThrottleLimit = 1;

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new AwsEbsImageCopier(aws, euca).CopyAsync(first, progress, stop.Token));

            Assert.NotNull(first.Journal.Import!.ConversionTaskId);
            await AssertNothingLeftInEucalyptusAsync(euca, first);
            Assert.DoesNotContain("Stop-EucaConversionTask", first.Journal.Describe());
            AwsEbsCopyRequest second = Request(sourceId);
            second.Name = first.Name;

            await new AwsEbsImageCopier(aws, euca).CopyAsync(second, null, CancellationToken.None);

            Assert.Equal(first.Journal.ExportTaskId, second.Journal.ExportTaskId);
            Assert.Equal(await File.ReadAllBytesAsync(Clouds.Aws.State.Disks.PathOf(sourceSnapshot)),
                await File.ReadAllBytesAsync(Clouds.Eucalyptus.State.Disks.PathOf(second.Journal.Import!.SnapshotId!)));
        }

        [Fact]
        public async Task EucalyptusSourceIsRefusedWithTheRouteExplained()
        {
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            // emi-5a6b7c8d: the seeded EBS-backed image of the user's account.
            var request = new AwsEbsCopyRequest("emi-5a6b7c8d", AwsSourceImages.Bucket, "imports", MigrationClouds.Zone);

            var failure = await Assert.ThrowsAsync<EucaException>(() => new AwsEbsImageCopier(euca, euca).CopyAsync(request, null, CancellationToken.None));

            Assert.Equal(ErrorIds.MigrationExportUnsupported.Name, failure.ErrorId);
            Assert.Contains("Launch an instance from the image", failure.Message);
            Assert.Null(request.Journal.ExportTaskId);
        }

        /// <summary>The import's conversion task is cancelled, its folder in the import bucket is empty, and no image has its name.</summary>
        private async Task AssertNothingLeftInEucalyptusAsync(CloudConnection euca, AwsEbsCopyRequest request)
        {
            Assert.True(request.Journal.Import!.DiskImageRemoved);
            Assert.Equal("cancelled", Clouds.Eucalyptus.State.ConversionTasks.Find(request.Journal.Import.ConversionTaskId!)!.State);
            string folder = request.Upload.Journal.StorageFolder!.Substring(request.ImportBucket.Length + 1);
            Assert.Empty(await ObjectStore.For(euca, null).ListAsync(request.ImportBucket, folder, CancellationToken.None));
            Assert.DoesNotContain(Clouds.Eucalyptus.State.SnapshotImages(), i => i.Name == request.Name);
        }

        private static AwsEbsCopyRequest Request(string sourceId) => new AwsEbsCopyRequest(sourceId, AwsSourceImages.Bucket, "imports", MigrationClouds.Zone)
        {
            Name = "copy-" + Guid.NewGuid().ToString("N"),
            ExportWait = new MigrationWait { PollInterval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30) },
            PollInterval = TimeSpan.FromMilliseconds(100),
            ConversionTimeout = TimeSpan.FromSeconds(60),
            SnapshotTimeout = TimeSpan.FromSeconds(30),
            Upload = new ImportUploadOptions { PartSize = 1024 * 1024, MaxAttempts = 2, RetryDelay = TimeSpan.FromMilliseconds(10) },
        };
    }
}
