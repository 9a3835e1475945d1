using System;
using System.Buffers.Binary;
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

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// An EBS-backed AWS image to an EBS-backed Eucalyptus image: AWS's ExportImage writes the image's disk to S3 (RAW,
    /// or a stream-optimized VMDK), then the exported object is streamed into Eucalyptus' disk import (each 10 MiB
    /// part one ranged GET of the object: nothing is copied to local disk, and a VMDK goes as it is, since Eucalyptus
    /// converts it), and the run finishes as <see cref="EbsImageInstaller"/> does (snapshot, register, clean up).
    /// The exported object is deleted at the end unless kept. Registration is the last step, so a failure leaves no
    /// image; a failure or Ctrl+C during the import cancels its conversion task and deletes the uploaded parts and
    /// manifest; running again reuses a completed (or waits for a running) export of the same image into the same place.
    /// </summary>
    public sealed class AwsEbsImageCopier : CrossCloudImageCopier
    {
        public AwsEbsImageCopier(CloudConnection source, CloudConnection destination)
            : base(source, destination)
        {
        }

        public async Task<ImageInfo> CopyAsync(AwsEbsCopyRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            AwsEbsCopyJournal journal = request.Journal;
            string stage = "describing the source image";
            try
            {
                ImageInfo source = await DescribeSourceAsync(request.SourceImageId, ct).ConfigureAwait(false);
                if (source.RootDeviceType != RootDeviceKind.Ebs)
                {
                    throw new EucaException(ErrorIds.MigrationSourceNotEbs, EucaErrorCategory.InvalidArgument,
                        $"Image {source.ImageId} is {source.RootDeviceType?.ToString() ?? "not EBS-backed"}; only an EBS-backed image can be exported. Copy it as an instance-store image instead.", source.ImageId);
                }

                if (await CloudFamilyProbe.DetectAsync(Source, ct).ConfigureAwait(false) != CloudFamily.Aws)
                {
                    throw ImageExportService.Unsupported(source.ImageId);
                }

                EbsImageInstaller.CheckRegistration(ImageRequest(request, source, new VolumeImportRequest("(checked before the export)", request.ImportBucket, request.AvailabilityZone)));

                stage = "exporting the image";
                ExportTaskInfo export = await ExportAsync(request, progress, ct).ConfigureAwait(false);
                journal.ExportObject = export.Bucket + "/" + export.ObjectKey;

                stage = "reading the exported disk";
                StoredObjectDiskSource disk = await OpenExportAsync(export, ct).ConfigureAwait(false);

                stage = "importing the disk into the destination";
                EbsImageRequest ebs = ImageRequest(request, source, new VolumeImportRequest(disk, request.ImportBucket, request.AvailabilityZone)
                {
                    Upload = request.Upload,
                    KeyPrefix = request.ImportKeyPrefix,
                });
                journal.Import = ebs.Journal;
                ImageInfo image = await new EbsImageInstaller(Destination).InstallAsync(ebs, progress, ct).ConfigureAwait(false);

                if (!request.KeepExport)
                {
                    stage = "deleting the exported disk";
                    await new StorageCall("Deleting the exported disk", export.Bucket, export.ObjectKey, ErrorIds.MigrationExportDeleteFailed)
                        .RunAsync(token => ObjectStore.For(Source, null).DeleteAsync(export.Bucket, export.ObjectKey, token), ct).ConfigureAwait(false);
                    journal.ExportRemoved = true;
                }

                return image;
            }
            catch (EucaException failure)
            {
                throw Failed(request.SourceImageId, stage, failure, journal.Describe());
            }
        }

        /// <summary>A completed export of the same image to the same place is reused when its object is still there, a
        /// running one is waited for; otherwise a new export starts.</summary>
        private async Task<ExportTaskInfo> ExportAsync(AwsEbsCopyRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            var exports = new ImageExportService(Source);
            var store = ObjectStore.For(Source, null);
            ExportTaskInfo? reusable = null;
            foreach (ExportTaskInfo earlier in (await exports.FindReusableAsync(request.SourceImageId, request.ExportFormat, request.ExportBucket, request.ExportPrefix, ct).ConfigureAwait(false))
                .OrderByDescending(t => t.Status == "completed"))
            {
                if (earlier.Status != "completed" || await HeadAsync(store, earlier, ct).ConfigureAwait(false) != null)
                {
                    reusable = earlier;
                    break;
                }
            }

            ExportTaskInfo task = reusable ?? await exports.StartAsync(request.SourceImageId, request.ExportFormat, request.ExportBucket, request.ExportPrefix,
                Guid.NewGuid().ToString("N"), ct).ConfigureAwait(false);
            request.Journal.ExportTaskId = task.ExportTaskId;
            return task.Status == "completed" ? task : await exports.WaitAsync(task, request.ExportWait, progress, ct).ConfigureAwait(false);
        }

        private async Task<StoredObjectDiskSource> OpenExportAsync(ExportTaskInfo export, CancellationToken ct)
        {
            StoredObject stored = await HeadAsync(ObjectStore.For(Source, null), export, ct).ConfigureAwait(false)
                ?? throw new EucaException(ErrorIds.MigrationExportObjectMissing, EucaErrorCategory.ObjectNotFound,
                    $"Export task {export.ExportTaskId} completed, but s3://{export.Bucket}/{export.ObjectKey} does not exist (deleted since?). Copy again to export anew.", export.ExportTaskId);
            if (export.Format == ExportFormat.Raw)
            {
                return new StoredObjectDiskSource(Source, export.Bucket, export.ObjectKey, stored.Size, ImportDiskFormat.Raw, stored.Size);
            }

            // Eucalyptus needs the disk's size, which a stream-optimized VMDK's header gives (capacity in sectors at byte 12).
            var header = new StoredObjectDiskSource(Source, export.Bucket, export.ObjectKey, stored.Size, ImportDiskFormat.Vmdk, 0);
            byte[] sector = new byte[512];
            await header.ReadAsync(0, sector, sector.Length, ct).ConfigureAwait(false);
            long capacity = DiskImages.Vmdk.VmdkSparseHeader.ParseHeader(sector, header.Name).CapacitySectors * 512;
            return new StoredObjectDiskSource(Source, export.Bucket, export.ObjectKey, stored.Size, ImportDiskFormat.Vmdk, capacity);
        }

        private static Task<StoredObject?> HeadAsync(ObjectStore store, ExportTaskInfo export, CancellationToken ct) =>
            new StorageCall("Checking the exported disk", export.Bucket, export.ObjectKey, ErrorIds.MigrationExportReadFailed)
                .RunAsync(token => store.HeadAsync(export.Bucket, export.ObjectKey, token), ct);

        private static EbsImageRequest ImageRequest(AwsEbsCopyRequest request, ImageInfo source, VolumeImportRequest import) =>
            new EbsImageRequest(request.Name ?? source.Name ?? source.ImageId, import)
            {
                Architecture = source.Architecture,
                Description = request.Description ?? source.Description,
                Platform = source.Platform,
                Tags = request.Tags,
                ConversionTimeout = request.ConversionTimeout,
                SnapshotTimeout = request.SnapshotTimeout,
                PollInterval = request.PollInterval,
                // Resume-EucaImport cannot read the exported object, and the next run reuses the export, not the upload.
                RemoveUploadOnFailure = true,
            };
    }
}
