using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Migration
{
    /// <summary>
    /// AWS's ImportSnapshot: a disk object in an S3 bucket of the same region becomes an EBS snapshot. Starting (with a
    /// client token, which the SDK does not fill in for this call, so that a retry cannot start a second import),
    /// waiting (a Ctrl+C cancels the task with CancelImportTask) and cancelling.
    /// </summary>
    public sealed class SnapshotImportService
    {
        private readonly CloudConnection _connection;

        public SnapshotImportService(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>
        /// Starts the import of a RAW disk object. A reply without a task id (Eucalyptus' empty ImportSnapshot stub) is
        /// <c>MigrationImportUnsupported</c>.
        /// </summary>
        public async Task<SnapshotImportTaskInfo> StartAsync(string bucket, string key, string description, string clientToken, CancellationToken cancellationToken)
        {
            var request = new ImportSnapshotRequest
            {
                ClientToken = clientToken,
                Description = description,
                DiskContainer = new SnapshotDiskContainer
                {
                    Format = "RAW",
                    Description = description,
                    UserBucket = new UserBucket { S3Bucket = bucket, S3Key = key },
                },
            };
            ImportSnapshotResponse response = await _connection.CallComputeAsync((ec2, ct) => ec2.ImportSnapshotAsync(request, ct), bucket + "/" + key, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.ImportTaskId))
            {
                throw Unsupported(_connection);
            }

            return SnapshotImportTaskInfo.From(response.ImportTaskId, response.SnapshotTaskDetail);
        }

        public async Task<SnapshotImportTaskInfo> GetAsync(string importTaskId, CancellationToken cancellationToken)
        {
            var request = new DescribeImportSnapshotTasksRequest { ImportTaskIds = new List<string> { importTaskId } };
            DescribeImportSnapshotTasksResponse response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeImportSnapshotTasksAsync(request, ct), importTaskId, cancellationToken).ConfigureAwait(false);
            ImportSnapshotTask task = (response.ImportSnapshotTasks ?? new List<ImportSnapshotTask>()).FirstOrDefault(t => t.ImportTaskId == importTaskId)
                ?? throw new EucaException(ErrorIds.CloudService("InvalidConversionTaskId"), EucaErrorCategory.ObjectNotFound,
                    $"The cloud does not list import task {importTaskId}.", importTaskId);
            return SnapshotImportTaskInfo.From(task.ImportTaskId, task.SnapshotTaskDetail);
        }

        /// <summary>
        /// Polls until the task completes with its snapshot; a task that ends deleted is
        /// <c>MigrationSnapshotImportFailed</c> with AWS's status message (a ClientError). When
        /// <paramref name="cancellationToken"/> fires, the task is cancelled in the cloud, then the cancellation propagates.
        /// </summary>
        public async Task<SnapshotImportTaskInfo> WaitAsync(string importTaskId, MigrationWait wait, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            if (wait == null) throw new ArgumentNullException(nameof(wait));
            SnapshotImportTaskInfo done = await TaskCancellation.CancelInCloudWhenStoppedAsync(
                token => TaskPoller.PollAsync(
                    t => GetAsync(importTaskId, t),
                    t => t.IsFinished,
                    t => progress?.Report(new OperationProgress("Importing snapshot " + importTaskId, t.Progress ?? (t.Status == "completed" ? 100 : 0), 100,
                        t.Status + (t.StatusMessage == null ? string.Empty : " (" + t.StatusMessage + ")"))),
                    wait.Timeout,
                    wait.PollInterval,
                    t => new EucaException(ErrorIds.MigrationSnapshotImportWaitTimeout, EucaErrorCategory.OperationTimeout,
                        $"Import task {importTaskId} is still {t.Status} ({t.Progress ?? 0} %) after {wait.Timeout}; it goes on in the cloud.", importTaskId),
                    token),
                () => CancelAsync(importTaskId),
                cancellationToken).ConfigureAwait(false);

            if (done.Status != "completed" || done.SnapshotId == null)
            {
                throw new EucaException(ErrorIds.MigrationSnapshotImportFailed, EucaErrorCategory.InvalidOperation,
                    $"Import task {importTaskId} ended {done.Status}: {done.StatusMessage ?? "no status message"}.", importTaskId);
            }

            return done;
        }

        internal static EucaException Unsupported(CloudConnection connection) =>
            new EucaException(ErrorIds.MigrationImportUnsupported, EucaErrorCategory.NotImplemented,
                $"The destination cloud {connection.ComputeUrl} cannot import a snapshot (it has no ImportSnapshot, or only Eucalyptus' stub that answers " +
                "without a task). Copy to Eucalyptus without -Ebs, or use New-EucaEbsImage there.", connection.ComputeUrl);

        /// <summary>CancelImportTask; a task that has already ended is left as it is.</summary>
        public async Task CancelAsync(string importTaskId)
        {
            var request = new CancelImportTaskRequest { ImportTaskId = importTaskId, CancelReason = "Stopped by the user" };
            try
            {
                await _connection.CallComputeAsync((ec2, ct) => ec2.CancelImportTaskAsync(request, ct), importTaskId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (EucaException e) when (e.Is(ErrorIds.CloudService("IncorrectState")))
            {
                // Completed or already cancelled: nothing runs any more.
            }
        }
    }
}
