using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// Disk import as euca-import-volume, euca-import-instance, euca-resume-import, euca-describe-conversion-tasks,
    /// euca-cancel-conversion-task and euca-delete-disk-image do it: check or create the bucket, pre-sign the
    /// manifest URL, ask the cloud for the conversion task, then upload the manifest and the raw parts (resumable:
    /// only what object storage lacks is sent).
    /// </summary>
    public sealed class ImportService
    {
        private readonly CloudConnection _connection;

        public ImportService(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>Clock for expiry checks and URL lifetimes (tests move it).</summary>
        internal Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

        private CloudSettings Settings => _connection.Settings;

        public Task<ConversionTaskInfo> ImportVolumeAsync(VolumeImportRequest request, IProgress<OperationProgress>? progress, CancellationToken cancellationToken) =>
            ImportAsync(request, "ImportVolume", (disk, manifestUrl) => new ImportVolumeRequest
            {
                AvailabilityZone = request.AvailabilityZone,
                Description = request.Description,
                Image = ImageDetail(disk, manifestUrl),
                Volume = new VolumeDetail { Size = disk.VolumeSize },
            }, async (ec2, call, ct) => (await ec2.ImportVolumeAsync(call, ct).ConfigureAwait(false)).ConversionTask, progress, cancellationToken);

        public Task<ConversionTaskInfo> ImportInstanceAsync(InstanceImportRequest request, IProgress<OperationProgress>? progress, CancellationToken cancellationToken) =>
            ImportAsync(request, "ImportInstance", (disk, manifestUrl) => ImportInstanceQuery.Parameters(request, disk, manifestUrl),
                async (_, call, ct) => new ConversionTask { ConversionTaskId = await ImportInstanceQuery.SendAsync(_connection, call, ct).ConfigureAwait(false) },
                progress, cancellationToken);

        /// <summary>
        /// Finishes an interrupted upload: the task must still be active and unexpired; the manifest is rebuilt when
        /// object storage has none, and only missing or short parts are sent.
        /// </summary>
        public async Task<ConversionTaskInfo> ResumeImportAsync(string conversionTaskId, string path, int expiresInDays, ImportUploadOptions? upload,
            IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            RequireEndpoints();
            ConversionTaskInfo task = await GetOneAsync(conversionTaskId, cancellationToken).ConfigureAwait(false);
            if (task.State != "active")
            {
                throw new EucaException(ErrorIds.ImportTaskNotActive, EucaErrorCategory.InvalidOperation,
                    $"Conversion task {task.ConversionTaskId} is {task.State}{(task.StatusMessage == null ? "" : " (" + task.StatusMessage + ")")}; only an active task can be resumed.", task.ConversionTaskId);
            }

            if (task.ExpirationTime is DateTime expires && expires <= Now().UtcDateTime)
            {
                throw new EucaException(ErrorIds.ImportTaskExpired, EucaErrorCategory.InvalidOperation,
                    $"Conversion task {task.ConversionTaskId} expired at {expires:u}; start a new import. Clean up with: Stop-EucaConversionTask -ConversionTaskId {task.ConversionTaskId} -RemoveDiskImage", task.ConversionTaskId);
            }

            ConversionVolumeInfo volume = task.Volumes.FirstOrDefault(v => !string.IsNullOrEmpty(v.ImportManifestUrl))
                ?? throw new EucaException(ErrorIds.ImportManifestUrlMissing, EucaErrorCategory.InvalidData, $"Conversion task {task.ConversionTaskId} names no import manifest URL.", task.ConversionTaskId);
            ImportLocation location = ImportLocation.FromManifestUrl(new Uri(volume.ImportManifestUrl!), Settings.ObjectStorageUrl!);
            using PreparedDisk disk = PreparedDisk.ForTask(path, volume);
            var signer = new ImportUrlSigner(Settings, location.Bucket, Now().AddDays(expiresInDays));
            upload ??= new ImportUploadOptions();
            upload.Journal.Record(task.ConversionTaskId, location, disk.Path, disk.IsLocalFile);
            await UploadAsync(task.ConversionTaskId, location, disk, signer, upload, progress, cancellationToken).ConfigureAwait(false);
            return await GetOneAsync(task.ConversionTaskId, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// DescribeConversionTasks: the given tasks, or all of the caller's. A malformed id (<c>ConversionTaskIdInvalid</c>)
        /// or an unknown one (<c>ConversionTaskNotFound</c>) is an error in the listing; the other tasks are still listed.
        /// </summary>
        public Task<ResourceListing<ConversionTaskInfo>> GetConversionTasksAsync(IEnumerable<string?>? conversionTaskIds, CancellationToken cancellationToken)
        {
            var lister = new ResourceLister<ConversionTaskInfo>(ConversionTaskResource.Kind, t => t.ConversionTaskId, async (ids, narrowed, token) =>
            {
                var request = new DescribeConversionTasksRequest { ConversionTaskIds = ids?.ToList() };
                var response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeConversionTasksAsync(request, ct), ComputeTarget.Of(request.ConversionTaskIds), token).ConfigureAwait(false);
                return (response.ConversionTasks ?? new List<ConversionTask>()).Select(ConversionTaskMapper.From);
            });
            return lister.ListAsync(conversionTaskIds, narrowed: false, cancellationToken);
        }

        /// <summary>
        /// Polls until the task is completed or cancelled, reporting ApproximateBytesConverted. A task that ends
        /// cancelled (how a failed conversion ends) fails with <c>ConversionTaskFailed</c> and its status message.
        /// </summary>
        public async Task<ConversionTaskInfo> WaitAsync(string conversionTaskId, TimeSpan timeout, TimeSpan pollInterval,
            IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            ConversionTaskInfo task = await TaskPoller.PollAsync(
                token => GetOneAsync(conversionTaskId, token),
                t => t.State == "completed" || t.State == "cancelled",
                t => progress?.Report(new OperationProgress("Converting " + t.ConversionTaskId, t.BytesConverted, t.ImageSize > 0 ? t.ImageSize : (long?)null, t.StatusMessage ?? t.State)),
                timeout,
                pollInterval,
                t => new EucaException(ErrorIds.ConversionTaskWaitTimeout, EucaErrorCategory.OperationTimeout,
                    $"Conversion task {t.ConversionTaskId} is still {t.State} after {timeout}; {t.BytesConverted} of {t.ImageSize} bytes converted ({t.StatusMessage ?? "no status message"}).", t.ConversionTaskId),
                cancellationToken).ConfigureAwait(false);

            if (task.State == "cancelled")
            {
                throw new EucaException(ErrorIds.ConversionTaskFailed, EucaErrorCategory.InvalidOperation,
                    $"Conversion task {task.ConversionTaskId} ended cancelled: {task.StatusMessage ?? "no status message"}. " +
                    $"Remove its uploaded disk image with: Stop-EucaConversionTask -ConversionTaskId {task.ConversionTaskId} -RemoveDiskImage", task.ConversionTaskId);
            }

            return task;
        }

        /// <summary>
        /// CancelConversionTask (unless the task already ended) and, with <paramref name="removeDiskImage"/>, deletes
        /// every part and then the manifest, as euca-delete-disk-image. Returns the task as it is afterwards.
        /// </summary>
        public async Task<ConversionTaskInfo> StopAsync(string conversionTaskId, bool removeDiskImage, ImportUploadOptions? options, CancellationToken cancellationToken)
        {
            ConversionTaskInfo task = await GetOneAsync(conversionTaskId, cancellationToken).ConfigureAwait(false);
            if (!task.IsFinished)
            {
                var request = new CancelConversionTaskRequest { ConversionTaskId = task.ConversionTaskId };
                await _connection.CallComputeAsync((ec2, ct) => ec2.CancelConversionTaskAsync(request, ct), task.ConversionTaskId, cancellationToken).ConfigureAwait(false);
            }

            if (removeDiskImage)
            {
                Settings.Require(CloudSettingNames.ObjectStorageUrl);
                var storage = new ImportStorage(_connection, options ?? new ImportUploadOptions());
                foreach (var volume in task.Volumes.Where(v => !string.IsNullOrEmpty(v.ImportManifestUrl)))
                {
                    await RemoveDiskImageAsync(storage, ImportLocation.FromManifestUrl(new Uri(volume.ImportManifestUrl!), Settings.ObjectStorageUrl!), cancellationToken).ConfigureAwait(false);
                }
            }

            return await GetOneAsync(task.ConversionTaskId, cancellationToken).ConfigureAwait(false);
        }

        private async Task<ConversionTaskInfo> ImportAsync<TRequest>(DiskImportRequest request, string callName, Func<PreparedDisk, string, TRequest> buildCall,
            Func<AmazonEC2Client, TRequest, CancellationToken, Task<ConversionTask>> send, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            RequireEndpoints();
            if (request.ExpiresInDays < 1)
            {
                throw new EucaException(ErrorIds.ImportExpiryInvalid, EucaErrorCategory.InvalidArgument, "The manifest URLs must stay valid for at least one day.", request.ExpiresInDays);
            }

            using PreparedDisk disk = PreparedDisk.From(request);
            var storage = new ImportStorage(_connection, request.Upload);
            try
            {
                await storage.EnsureBucketAsync(request.Bucket, cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e)
            {
                throw new EucaException(ErrorIds.ImportBucketFailed, e.Category,
                    $"Import of '{disk.Path}' failed at the bucket check: {e.Message} Nothing was uploaded and no conversion task exists.", request.Bucket, e);
            }

            var location = new ImportLocation(request.Bucket, ImportPartPlan.ManifestKey(request.KeyPrefix, Guid.NewGuid(), disk.FileName));
            var signer = new ImportUrlSigner(Settings, location.Bucket, Now().AddDays(request.ExpiresInDays));
            string manifestUrl = signer.Url("GET", location.ManifestKey);

            ConversionTask created;
            try
            {
                created = await _connection.CallComputeAsync((ec2, ct) => send(ec2, buildCall(disk, manifestUrl), ct), disk.Path, cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e)
            {
                throw new EucaException(ErrorIds.ImportRequestFailed, e.Category,
                    $"Import of '{disk.Path}' failed at the {callName} call: {e.Message} Nothing was uploaded and no conversion task exists (bucket {request.Bucket} remains).", disk.Path, e);
            }

            string taskId = created.ConversionTaskId;
            request.Upload.Journal.Record(taskId, location, disk.Path, disk.IsLocalFile);
            await UploadAsync(taskId, location, disk, signer, request.Upload, progress, cancellationToken).ConfigureAwait(false);
            return await GetOneAsync(taskId, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The resumable part of every import: manifest first (when missing), then the missing parts.</summary>
        private async Task UploadAsync(string taskId, ImportLocation location, PreparedDisk disk, ImportUrlSigner signer, ImportUploadOptions options,
            IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            var storage = new ImportStorage(_connection, options);
            ImportManifest manifest;
            try
            {
                manifest = await storage.TryGetManifestAsync(location, cancellationToken).ConfigureAwait(false)
                    ?? await PutNewManifestAsync(storage, location, disk, signer, options, cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e)
            {
                throw Interrupted(ErrorIds.ImportManifestFailed, "uploading the import manifest", taskId, location, disk, e);
            }

            long expectedSize = manifest.Parts.Count == 0 ? 0 : manifest.Parts[manifest.Parts.Count - 1].End + 1;
            if (expectedSize != disk.FileSize)
            {
                throw new EucaException(ErrorIds.ImportFileSizeMismatch, EucaErrorCategory.InvalidArgument,
                    $"'{disk.Path}' is {disk.FileSize} bytes, but the manifest {location} of task {taskId} describes {expectedSize} bytes: this is not the file the import started with.", disk.Path);
            }

            try
            {
                await new ImportUploader(storage, options).UploadMissingPartsAsync(location.Bucket, manifest, disk, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e)
            {
                throw Interrupted(ErrorIds.ImportUploadFailed, "uploading the disk parts", taskId, location, disk, e);
            }

            options.Journal.Uploaded();
        }

        private static async Task<ImportManifest> PutNewManifestAsync(ImportStorage storage, ImportLocation location, PreparedDisk disk, ImportUrlSigner signer,
            ImportUploadOptions options, CancellationToken cancellationToken)
        {
            ImportManifest manifest = ImportManifestBuilder.Build(signer, location.ManifestKey, disk.FileName, disk.FileSize, disk.Format, disk.ImageBytes, disk.VolumeSize, options.PartSize);
            byte[] xml = ImportManifestXml.Write(manifest);
            await storage.PutAsync(location.Bucket, location.ManifestKey, xml, xml.Length, cancellationToken).ConfigureAwait(false);
            return manifest;
        }

        private static async Task RemoveDiskImageAsync(ImportStorage storage, ImportLocation location, CancellationToken cancellationToken)
        {
            ImportManifest? manifest = await storage.TryGetManifestAsync(location, cancellationToken).ConfigureAwait(false);
            // Without a manifest (the upload stopped before it), the per-import folder still holds only this import's parts.
            IEnumerable<string> parts = manifest != null
                ? manifest.Parts.Select(p => p.Key)
                : (await storage.ListKeysAsync(location.Bucket, location.Folder, cancellationToken).ConfigureAwait(false))
                    .Where(k => Regex.IsMatch(k.Substring(location.Folder.Length), @"\.part\.[0-9]+$"));
            foreach (string key in parts.ToList())
            {
                await storage.DeleteAsync(location.Bucket, key, cancellationToken).ConfigureAwait(false);
            }

            await storage.DeleteAsync(location.Bucket, location.ManifestKey, cancellationToken).ConfigureAwait(false);
        }

        private async Task<ConversionTaskInfo> GetOneAsync(string conversionTaskId, CancellationToken cancellationToken)
        {
            ResourceListing<ConversionTaskInfo> tasks = await GetConversionTasksAsync(new[] { conversionTaskId }, cancellationToken).ConfigureAwait(false);
            return tasks.Single();
        }

        private static DiskImageDetail ImageDetail(PreparedDisk disk, string manifestUrl) => new DiskImageDetail
        {
            Format = disk.Format,
            Bytes = disk.ImageBytes,
            ImportManifestUrl = manifestUrl,
        };

        private void RequireEndpoints() => Settings.Require(CloudSettingNames.ComputeUrl, CloudSettingNames.ObjectStorageUrl);

        private static EucaException Interrupted(ErrorId errorId, string stage, string taskId, ImportLocation location, PreparedDisk disk, EucaException cause) =>
            new EucaException(errorId, cause.Category,
                $"The import stopped while {stage}: {cause.Message} {ImportJournal.Leftovers(taskId, location.Bucket + "/" + location.Folder, disk.Path, disk.IsLocalFile)}",
                taskId, cause);
    }
}
