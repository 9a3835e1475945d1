using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Migration
{
    /// <summary>
    /// AWS's ExportImage: an EBS-backed image written as one RAW or VMDK object into an S3 bucket of the same region.
    /// Starting, finding an export that can be reused, waiting (a Ctrl+C cancels the task in the cloud with
    /// CancelExportTask, so it stops writing), and cancelling.
    /// </summary>
    public sealed class ImageExportService
    {
        private readonly CloudConnection _connection;

        public ImageExportService(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>
        /// Starts an export. <paramref name="clientToken"/> makes a retry after a lost answer return the same task. A
        /// reply without a task id (a cloud that binds the call but does nothing, as Eucalyptus does with such stubs)
        /// is <c>MigrationExportUnsupported</c>.
        /// </summary>
        public async Task<ExportTaskInfo> StartAsync(string imageId, ExportFormat format, string bucket, string? prefix, string clientToken, CancellationToken cancellationToken)
        {
            var request = new ExportImageRequest
            {
                ImageId = imageId,
                DiskImageFormat = format == ExportFormat.Vmdk ? DiskImageFormat.VMDK : DiskImageFormat.RAW,
                S3ExportLocation = new ExportTaskS3LocationRequest { S3Bucket = bucket, S3Prefix = prefix },
                ClientToken = clientToken,
                Description = "Copy of " + imageId,
            };
            ExportImageResponse response = await _connection.CallComputeAsync((ec2, ct) => ec2.ExportImageAsync(request, ct), imageId, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.ExportImageTaskId))
            {
                throw Unsupported(imageId);
            }

            return new ExportTaskInfo
            {
                ExportTaskId = response.ExportImageTaskId,
                ImageId = imageId,
                Status = response.Status ?? "active",
                StatusMessage = response.StatusMessage,
                Progress = ExportTaskInfo.ParseProgress(response.Progress),
                Bucket = bucket,
                Prefix = prefix,
                Format = format,
            };
        }

        /// <summary>
        /// The caller's export tasks of <paramref name="imageId"/> into this bucket and prefix that are active or
        /// completed, newest id last: what a second run can wait for or reuse instead of exporting again.
        /// </summary>
        public async Task<IReadOnlyList<ExportTaskInfo>> FindReusableAsync(string imageId, ExportFormat format, string bucket, string? prefix, CancellationToken cancellationToken)
        {
            var found = new List<ExportTaskInfo>();
            var request = new DescribeExportImageTasksRequest();
            do
            {
                DescribeExportImageTasksResponse page = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeExportImageTasksAsync(request, ct), imageId, cancellationToken).ConfigureAwait(false);
                // SDK v4 leaves the list null when the answer has no item.
                found.AddRange((page.ExportImageTasks ?? new List<ExportImageTask>())
                    .Where(t => t.ImageId == imageId && t.S3ExportLocation?.S3Bucket == bucket && (t.S3ExportLocation?.S3Prefix ?? string.Empty) == (prefix ?? string.Empty))
                    .Where(t => t.Status == "active" || t.Status == "completed")
                    .Select(t => ExportTaskInfo.From(t, format)));
                request.NextToken = page.NextToken;
            }
            while (!string.IsNullOrEmpty(request.NextToken));

            return found;
        }

        public async Task<ExportTaskInfo> GetAsync(string exportTaskId, ExportFormat format, CancellationToken cancellationToken)
        {
            var request = new DescribeExportImageTasksRequest { ExportImageTaskIds = new List<string> { exportTaskId } };
            DescribeExportImageTasksResponse response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeExportImageTasksAsync(request, ct), exportTaskId, cancellationToken).ConfigureAwait(false);
            ExportImageTask task = (response.ExportImageTasks ?? new List<ExportImageTask>()).FirstOrDefault(t => t.ExportImageTaskId == exportTaskId)
                ?? throw new EucaException(ErrorIds.CloudService("InvalidExportTaskID.NotFound"), EucaErrorCategory.ObjectNotFound,
                    $"The cloud does not list export task {exportTaskId}.", exportTaskId);
            return ExportTaskInfo.From(task, format);
        }

        /// <summary>
        /// Polls until the task completes; a task that ends deleted is <c>MigrationExportFailed</c> with AWS's status
        /// message. When <paramref name="cancellationToken"/> fires, the task is cancelled in the cloud first (an
        /// export left running would go on writing to the bucket), then the cancellation propagates.
        /// </summary>
        public async Task<ExportTaskInfo> WaitAsync(ExportTaskInfo task, MigrationWait wait, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            if (task == null) throw new ArgumentNullException(nameof(task));
            if (wait == null) throw new ArgumentNullException(nameof(wait));
            ExportTaskInfo done = await TaskCancellation.CancelInCloudWhenStoppedAsync(
                token => TaskPoller.PollAsync(
                    t => GetAsync(task.ExportTaskId, task.Format, t),
                    t => t.IsFinished,
                    t => progress?.Report(new OperationProgress("Exporting " + (t.ImageId ?? task.ImageId), t.Progress ?? (t.Status == "completed" ? 100 : 0), 100,
                        $"{t.ExportTaskId}: {t.Status}{(t.StatusMessage == null ? string.Empty : " (" + t.StatusMessage + ")")}")),
                    wait.Timeout,
                    wait.PollInterval,
                    t => new EucaException(ErrorIds.MigrationExportWaitTimeout, EucaErrorCategory.OperationTimeout,
                        $"Export task {t.ExportTaskId} is still {t.Status} ({t.Progress ?? 0} %) after {wait.Timeout}; it goes on in the cloud, and copying again later reuses it.", t.ExportTaskId),
                    token),
                () => CancelAsync(task.ExportTaskId),
                cancellationToken).ConfigureAwait(false);

            if (done.Status != "completed")
            {
                throw new EucaException(ErrorIds.MigrationExportFailed, EucaErrorCategory.InvalidOperation,
                    $"Export task {done.ExportTaskId} of image {done.ImageId ?? task.ImageId} ended {done.Status}: {done.StatusMessage ?? "no status message"}.", done.ExportTaskId);
            }

            return done;
        }

        /// <summary>CancelExportTask; a task that has already ended (IncorrectState on AWS) is left as it is.</summary>
        public async Task CancelAsync(string exportTaskId)
        {
            var request = new CancelExportTaskRequest { ExportTaskId = exportTaskId };
            try
            {
                await _connection.CallComputeAsync((ec2, ct) => ec2.CancelExportTaskAsync(request, ct), exportTaskId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (EucaException e) when (e.Is(ErrorIds.CloudService("IncorrectState")))
            {
                // Completed or already cancelled: nothing runs any more.
            }
        }

        internal static EucaException Unsupported(string imageId) =>
            new EucaException(ErrorIds.MigrationExportUnsupported, EucaErrorCategory.NotImplemented,
                $"The source cloud cannot export image {imageId}: it has no ExportImage (Eucalyptus lacks it). Launch an instance from the image and " +
                "make the copy from its volume, or copy an instance-store image instead.", imageId);
    }
}
