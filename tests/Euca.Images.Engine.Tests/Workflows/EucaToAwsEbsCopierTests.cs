using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Migration;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Workflows;
using Euca.Images.LocalCloud.State.Migration;

namespace Euca.Images.Engine.Tests.Workflows
{
    /// <summary>
    /// Instance-store Eucalyptus image to EBS-backed AWS image between the two local clouds: the snapshot holds the
    /// image's disk, the upload is multipart and removed afterwards, a failed upload registers nothing and a second run
    /// finishes, a complete upload is reused, and Ctrl+C cancels the import task.
    /// </summary>
    [Collection(MigrationCloudsCollection.Name)]
    public sealed class EucaToAwsEbsCopierTests : MigrationCloudsTest, IDisposable
    {
        private const string Bucket = "to-aws";
        private const int PartSize = 5 * 1024 * 1024;
        private readonly TempDirectory _temp = new TempDirectory();

        public EucaToAwsEbsCopierTests(MigrationClouds clouds)
            : base(clouds)
        {
        }

        public void Dispose() => _temp.Dispose();

        [Fact]
        public async Task CopyBootsFromASnapshotHoldingTheImagesDiskAndRemovesTheUpload()
        {
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            using CloudConnection aws = Clouds.ConnectAws();
            string disk = ImageMaker.Write(_temp.File("disk.img"), ImageMaker.Mixed(PartSize + 700_000, 3));
            ImageInfo source = await EucaSourceImages.CreateAsync(euca, _temp, disk);
            EucaToAwsEbsRequest request = Request(source.ImageId);

            ImageInfo copy = await new EucaToAwsEbsCopier(euca, aws).CopyAsync(request, null, CancellationToken.None);

            Assert.Matches("^ami-[0-9a-f]{17}$", copy.ImageId);
            Assert.Equal((RootDeviceKind.Ebs, VirtualizationKind.Hvm, "a Eucalyptus image to copy"), (copy.RootDeviceType!.Value, copy.VirtualizationType!.Value, copy.Description));
            Assert.Equal(File.ReadAllBytes(disk), File.ReadAllBytes(Clouds.Aws.State.Disks.PathOf(request.Journal.SnapshotId!)));
            Assert.True(request.Journal.UploadRemoved);
            Assert.Null(await ObjectStore.For(aws, null).HeadAsync(Bucket, "imports/" + source.ImageId + ".raw", CancellationToken.None));
        }

        [Fact]
        public async Task DroppedPartUploadsLeaveNothingRegisteredAndASecondRunFinishes()
        {
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            using CloudConnection aws = Clouds.ConnectAws();
            string disk = ImageMaker.Write(_temp.File("dropped.img"), ImageMaker.Mixed(PartSize + 100_000, 4));
            ImageInfo source = await EucaSourceImages.CreateAsync(euca, _temp, disk);
            Clouds.AwsStorageFault = (method, path) => method == "PUT" && path.Contains("uploadId=", StringComparison.Ordinal) ? new Fault(FaultKind.Drop) : Fault.None;
            EucaToAwsEbsRequest first = Request(source.ImageId);

            var failure = await Assert.ThrowsAsync<EucaException>(() => new EucaToAwsEbsCopier(euca, aws).CopyAsync(first, null, CancellationToken.None));

            Assert.Equal(ErrorIds.MigrationUploadFailed.Name, failure.ErrorId);
            Assert.Contains("while uploading the disk", failure.Message);
            Assert.DoesNotContain(Clouds.Aws.State.SnapshotImages(), i => i.Name == first.Name);
            Assert.Null(first.Journal.ImportTaskId);
            Clouds.AwsStorageFault = (_, _) => Fault.None;
            EucaToAwsEbsRequest second = Request(source.ImageId);
            second.Name = first.Name;

            ImageInfo copy = await new EucaToAwsEbsCopier(euca, aws).CopyAsync(second, null, CancellationToken.None);

            Assert.Single(Clouds.Aws.State.SnapshotImages(), i => i.Name == first.Name && i.ImageId == copy.ImageId);
            Assert.Equal(File.ReadAllBytes(disk), File.ReadAllBytes(Clouds.Aws.State.Disks.PathOf(second.Journal.SnapshotId!)));
        }

        [Fact]
        public async Task ACompleteUploadOfAnEarlierRunIsNotSentAgain()
        {
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            using CloudConnection aws = Clouds.ConnectAws();
            ImageInfo source = await EucaSourceImages.CreateAsync(euca, _temp, ImageMaker.Write(_temp.File("kept.img"), ImageMaker.Mixed(300_000, 5)));
            EucaToAwsEbsRequest first = Request(source.ImageId);
            first.KeepUpload = true;
            await new EucaToAwsEbsCopier(euca, aws).CopyAsync(first, null, CancellationToken.None);
            EucaToAwsEbsRequest second = Request(source.ImageId);

            await new EucaToAwsEbsCopier(euca, aws).CopyAsync(second, null, CancellationToken.None);

            Assert.False(first.Journal.UploadReused);
            Assert.True(second.Journal.UploadReused);
        }

        [Fact]
        public async Task CtrlCWhileImportingCancelsTheImportTask()
        {
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            using CloudConnection aws = Clouds.ConnectAws();
            ImageInfo source = await EucaSourceImages.CreateAsync(euca, _temp, ImageMaker.Write(_temp.File("stop.img"), ImageMaker.Mixed(200_000, 6)));
            using var stop = new CancellationTokenSource();
            var progress = new SynchronousProgress(p =>
            {
                if (p.Activity.StartsWith("Importing snapshot", StringComparison.Ordinal))
                {
                    stop.Cancel();
                }
            });
            EucaToAwsEbsRequest request = Request(source.ImageId);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new EucaToAwsEbsCopier(euca, aws).CopyAsync(request, progress, stop.Token));

            ImportSnapshotTaskRecord task = Clouds.Aws.State.MigrationTasks.SnapshotImports.Find(request.Journal.ImportTaskId!)!;
            Assert.Contains(task.Status, new[] { MigrationTaskStates.Deleting, MigrationTaskStates.Deleted });
            Assert.Null(request.Journal.SnapshotId);
        }

        [Fact]
        public async Task EucalyptusDestinationIsRefusedBeforeAnythingMoves()
        {
            using CloudConnection euca = Clouds.ConnectEucalyptus();
            ImageInfo source = await EucaSourceImages.CreateAsync(euca, _temp, ImageMaker.Write(_temp.File("euca.img"), ImageMaker.Mixed(100_000, 7)));
            EucaToAwsEbsRequest request = Request(source.ImageId);

            var failure = await Assert.ThrowsAsync<EucaException>(() => new EucaToAwsEbsCopier(euca, euca).CopyAsync(request, null, CancellationToken.None));

            Assert.Equal(ErrorIds.MigrationImportUnsupported.Name, failure.ErrorId);
            Assert.Null(request.Journal.UploadedObject);
        }

        private static EucaToAwsEbsRequest Request(string sourceImageId) => new EucaToAwsEbsRequest(sourceImageId, Bucket, LocalCloudKeys.UserKey())
        {
            Name = "to-aws-" + Guid.NewGuid().ToString("N"),
            PartSize = PartSize,
            Retry = new RetryPolicy { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(10) },
            ImportWait = new MigrationWait { PollInterval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30) },
        };
    }
}
