using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Attributes;
using Euca.Images.Engine.Images.Registration;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Snapshots;
using Euca.Images.Engine.Tags;
using Euca.Images.Engine.Volumes;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// A raw disk to a registered EBS-backed HVM image (the image guide's "import volume" option): ImportVolume and
    /// the upload of the disk, the conversion into a volume, a snapshot of the volume, RegisterImage with the snapshot
    /// as root device, then the intermediate volume and uploaded parts are deleted. A failure is not rolled back, since
    /// an imported volume or a snapshot costs far more to make again than to keep: the error names the stage that
    /// failed, what exists now, and the command that resumes or cleans up.
    /// </summary>
    public sealed class EbsImageInstaller
    {
        private const string UploadStage = "uploading the disk (ImportVolume)";

        /// <summary>How long removing an abandoned upload may take once the run's own token has fired (Ctrl+C).</summary>
        private static readonly TimeSpan RemovalTimeout = TimeSpan.FromMinutes(2);

        private readonly CloudConnection _connection;

        public EbsImageInstaller(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        public async Task<ImageInfo> InstallAsync(EbsImageRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            CheckRegistration(request);

            var imports = new ImportService(_connection);
            var snapshots = new SnapshotService(_connection) { PollInterval = request.PollInterval };
            EbsImageJournal left = request.Journal;
            string stage = UploadStage;
            try
            {
                ConversionTaskInfo task = await imports.ImportVolumeAsync(request.Import, progress, ct).ConfigureAwait(false);
                left.ConversionTaskId = task.ConversionTaskId;

                stage = "converting the disk into a volume";
                task = await imports.WaitAsync(task.ConversionTaskId, request.ConversionTimeout, request.PollInterval, progress, ct).ConfigureAwait(false);
                left.VolumeId = task.VolumeId ?? throw new EucaException(ErrorIds.ConversionTaskNoVolume, EucaErrorCategory.InvalidData,
                    $"Conversion task {task.ConversionTaskId} completed without a volume.", task.ConversionTaskId);

                stage = "snapshotting the volume";
                SnapshotInfo snapshot = await snapshots.CreateSnapshotAsync(left.VolumeId, $"Root of image {request.Name}", ct).ConfigureAwait(false);
                left.SnapshotId = snapshot.SnapshotId;
                await snapshots.WaitForSnapshotAsync(snapshot.SnapshotId, request.SnapshotTimeout, progress, ct).ConfigureAwait(false);

                stage = "registering the image";
                ImageInfo image = await new ImageRegistration(_connection)
                    .RegisterAsync(ImageRegistrationRules.Check(RegistrationFor(request, snapshot.SnapshotId)), ct).ConfigureAwait(false);
                left.ImageId = image.ImageId;

                if (request.Tags.Count > 0)
                {
                    stage = "tagging the image and its snapshot";
                    await new TagService(_connection).CreateTagsAsync(new[] { image.ImageId, snapshot.SnapshotId }, request.Tags, ct).ConfigureAwait(false);
                    image.Tags = request.Tags;
                }

                if (request.Public)
                {
                    stage = "sharing the image";
                    await new ImageAttributes(_connection).ModifyAsync(image.ImageId,
                        new ImageAttributeChange { AddLaunchPermission = new[] { "all" } }, ct).ConfigureAwait(false);
                    image.IsPublic = true;
                }

                stage = "deleting what the image no longer needs";
                if (!request.KeepVolume)
                {
                    await new VolumeService(_connection).DeleteVolumeAsync(left.VolumeId, ct).ConfigureAwait(false);
                    left.VolumeId = null;
                }

                if (!request.KeepDiskImage)
                {
                    await imports.StopAsync(task.ConversionTaskId, removeDiskImage: true, request.Import.Upload, ct).ConfigureAwait(false);
                    left.DiskImageRemoved = true;
                }

                return image;
            }
            catch (EucaException failure)
            {
                if (await RemoveUploadAsync(imports, request).ConfigureAwait(false))
                {
                    // A failed upload's own message names the task to resume or clean up, which is gone now: tell its cause.
                    EucaException cause = stage == UploadStage && failure.InnerException is EucaException inner ? inner : failure;
                    throw new EucaException(failure, $"Making EBS image '{request.Name}' failed while {stage}: {cause.Message} " +
                        $"The uploaded parts and manifest of conversion task {left.ConversionTaskId} were deleted (the task cancelled if it still ran). {left.Describe()}");
                }

                // Once its conversion task exists, a failed upload's own error names the task and how to resume or clean up.
                string leftovers = stage == UploadStage && left.ConversionTaskId != null ? string.Empty : " " + left.Describe();
                throw new EucaException(failure, $"Making EBS image '{request.Name}' failed while {stage}: {failure.Message}{leftovers}");
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await RemoveUploadAsync(imports, request).ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>
        /// With <see cref="EbsImageRequest.RemoveUploadOnFailure"/>, cancels the conversion task and deletes its parts
        /// and manifest, as Stop-EucaConversionTask -RemoveDiskImage does. False when there was nothing to remove or the
        /// removal failed: the journal then still names the task and its clean-up command.
        /// </summary>
        private static async Task<bool> RemoveUploadAsync(ImportService imports, EbsImageRequest request)
        {
            EbsImageJournal left = request.Journal;
            if (!request.RemoveUploadOnFailure || left.ConversionTaskId == null || left.DiskImageRemoved)
            {
                return false;
            }

            // The run's token may be the one that fired (Ctrl+C): the removal gets its own deadline instead.
            using var deadline = new CancellationTokenSource(RemovalTimeout);
            try
            {
                await imports.StopAsync(left.ConversionTaskId, removeDiskImage: true, request.Import.Upload, deadline.Token).ConfigureAwait(false);
                left.DiskImageRemoved = true;
                return true;
            }
            catch (Exception e) when (e is EucaException || e is OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>
        /// Checks the registration before gigabytes are uploaded (or exported elsewhere first); the snapshot id stands
        /// in for the one to come.
        /// </summary>
        internal static void CheckRegistration(EbsImageRequest request) => ImageRegistrationRules.Check(RegistrationFor(request, "snap-00000000"));

        private static ImageRegistrationRequest RegistrationFor(EbsImageRequest request, string snapshotId) => new ImageRegistrationRequest
        {
            Name = request.Name,
            SnapshotId = snapshotId,
            RootDeviceName = request.RootDeviceName,
            Architecture = request.Architecture,
            Description = request.Description,
            Platform = request.Platform,
            // Eucalyptus boots EBS-backed images only as HVM.
            VirtualizationType = VirtualizationKind.Hvm,
        };
    }
}
