using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Registration;
using Euca.Images.Engine.Migration;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tags;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// An instance-store Eucalyptus image to an EBS-backed AWS image: the bundle's parts stream download -> decrypt ->
    /// gunzip -> untar straight into a multipart upload of one RAW object in an S3 bucket at the destination (memory:
    /// two parts, whatever the disk's size), AWS's ImportSnapshot makes a snapshot of it, and RegisterImage makes an HVM
    /// image booting from that snapshot; the uploaded object is then deleted. Registration is the last step, so a
    /// failure leaves no image; running again reuses an upload that is complete (same key, the image's size).
    /// </summary>
    public sealed class EucaToAwsEbsCopier : CrossCloudImageCopier
    {
        /// <summary>AWS's usual root device for HVM images imported from a disk.</summary>
        private const string RootDevice = "/dev/sda1";

        public EucaToAwsEbsCopier(CloudConnection source, CloudConnection destination)
            : base(source, destination)
        {
        }

        public async Task<ImageInfo> CopyAsync(EucaToAwsEbsRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            EucaToAwsEbsJournal journal = request.Journal;
            string stage = "describing the source image";
            try
            {
                ImageInfo source = await DescribeSourceAsync(request.SourceImageId, ct).ConfigureAwait(false);
                if (source.RootDeviceType == RootDeviceKind.Ebs || string.IsNullOrEmpty(source.ImageLocation))
                {
                    throw ImageExportService.Unsupported(source.ImageId);
                }

                if (await CloudFamilyProbe.DetectAsync(Destination, ct).ConfigureAwait(false) != CloudFamily.Aws)
                {
                    throw SnapshotImportService.Unsupported(Destination);
                }

                string name = request.Name ?? source.Name ?? source.ImageId;
                ImageRegistrationRules.Check(Registration(request, source, name, "snap-00000000"));

                stage = "uploading the disk";
                var store = ObjectStore.For(Destination, request.Retry);
                string key = request.KeyPrefix + source.ImageId + ".raw";
                await UploadAsync(source, request, store, key, progress, ct).ConfigureAwait(false);
                journal.UploadedObject = request.Bucket + "/" + key;

                stage = "importing the disk as a snapshot";
                var imports = new SnapshotImportService(Destination);
                SnapshotImportTaskInfo task = await imports.StartAsync(request.Bucket, key, $"{source.ImageId} ({name})", Guid.NewGuid().ToString("N"), ct).ConfigureAwait(false);
                journal.ImportTaskId = task.ImportTaskId;
                task = await imports.WaitAsync(task.ImportTaskId, request.ImportWait, progress, ct).ConfigureAwait(false);
                journal.SnapshotId = task.SnapshotId;

                stage = "registering the image";
                ImageInfo image = await new ImageRegistration(Destination)
                    .RegisterAsync(ImageRegistrationRules.Check(Registration(request, source, name, task.SnapshotId!)), ct).ConfigureAwait(false);
                journal.ImageId = image.ImageId;
                if (request.Tags.Count > 0)
                {
                    stage = "tagging the image and its snapshot";
                    await new TagService(Destination).CreateTagsAsync(new[] { image.ImageId, task.SnapshotId! }, request.Tags, ct).ConfigureAwait(false);
                    image.Tags = request.Tags;
                }

                if (!request.KeepUpload)
                {
                    stage = "deleting the uploaded disk";
                    await Call("Deleting the uploaded disk", request.Bucket, key, token => store.DeleteAsync(request.Bucket, key, token), ct).ConfigureAwait(false);
                    journal.UploadRemoved = true;
                }

                return image;
            }
            catch (EucaException failure)
            {
                throw Failed(request.SourceImageId, stage, failure, journal.Describe());
            }
        }

        /// <summary>The disk as one object: reused when an earlier run stored it whole, else streamed from the bundle.</summary>
        private async Task UploadAsync(ImageInfo source, EucaToAwsEbsRequest request, ObjectStore store, string key, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            StoredBundle bundle = await StoredBundle.OpenAsync(Source, ManifestLocation.Parse(source.ImageLocation!), request.PrivateKey, request.Signer, request.Retry, ct)
                .ConfigureAwait(false);
            await Call("Creating the upload bucket", request.Bucket, null, token => store.EnsureBucketAsync(request.Bucket, null, token), ct).ConfigureAwait(false);
            StoredObject? earlier = await Call("Checking for an earlier upload", request.Bucket, key, token => store.HeadAsync(request.Bucket, key, token), ct).ConfigureAwait(false);
            if (earlier?.Size == bundle.ImageSize)
            {
                request.Journal.UploadReused = true;
                return;
            }

            MultipartUploadStream upload = await Call("Starting the upload", request.Bucket, key,
                token => MultipartUploadStream.StartAsync(store, request.Bucket, key, request.PartSize, token), ct).ConfigureAwait(false);
            try
            {
                // A part that fails to send surfaces from the payload reader's writes: translated here like every storage call.
                await Call("Uploading the disk", request.Bucket, key, async token =>
                {
                    await bundle.ExpandIntoAsync(upload, progress, token).ConfigureAwait(false);
                    await upload.CompleteAsync().ConfigureAwait(false);
                }, ct).ConfigureAwait(false);
            }
            catch
            {
                await AbandonAsync(upload).ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Aborts a failed upload so the store drops its parts; a failing abort must not hide the failure.</summary>
        private static async Task AbandonAsync(MultipartUploadStream upload)
        {
            try
            {
                await upload.AbortAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // The store discards unfinished uploads on its own lifecycle rules; the original failure is what matters.
            }
        }

        private static Task<T> Call<T>(string action, string bucket, string? key, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
            new StorageCall(action, bucket, key, ErrorIds.MigrationUploadFailed).RunAsync(call, ct);

        private static Task Call(string action, string bucket, string? key, Func<CancellationToken, Task> call, CancellationToken ct) =>
            new StorageCall(action, bucket, key, ErrorIds.MigrationUploadFailed).RunAsync(call, ct);

        private static ImageRegistrationRequest Registration(EucaToAwsEbsRequest request, ImageInfo source, string name, string snapshotId) => new ImageRegistrationRequest
        {
            Name = name,
            Description = request.Description ?? source.Description,
            SnapshotId = snapshotId,
            RootDeviceName = RootDevice,
            Architecture = source.Architecture,
            Platform = source.Platform,
            // A disk imported as a snapshot boots as HVM: AWS gives a paravirtual image's kernel no place here.
            VirtualizationType = VirtualizationKind.Hvm,
        };
    }
}
