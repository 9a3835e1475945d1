using System.Net;
using Amazon.S3;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Disks;
using Euca.Images.LocalCloud.State.Migration;
using Euca.Images.LocalCloud.State.Snapshots;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>
/// VM Import/Export's worker (AWS flavour), one step per task per call. An export goes `validating` (0) → `updating`
/// (21, the messages and numbers of AWS's guide) → the object is written → `completed`; an import goes `pending` (3) →
/// `downloading/converting` (22) → the object is read into a new snapshot (volume `vol-ffffffff`, as AWS shows imported
/// snapshots) → `completed` with its snapshotId. Failures end `deleted` with a `ClientError: …` status message, as
/// AWS reports them; a cancelled task (`deleting`) ends `deleted` and an export's partial object is removed.
/// </summary>
public sealed class MigrationProcessor(CloudState state, TimeProvider time, MigrationStorage storage)
{
    private const string ImportedVolumeId = "vol-ffffffff";

    public async Task StepAllAsync(CancellationToken cancellationToken)
    {
        foreach (ExportImageTaskRecord task in state.MigrationTasks.Exports.Snapshot())
        {
            await StepAsync(task, cancellationToken);
        }

        foreach (ImportSnapshotTaskRecord task in state.MigrationTasks.SnapshotImports.Snapshot())
        {
            await StepAsync(task, cancellationToken);
        }
    }

    private async Task StepAsync(ExportImageTaskRecord task, CancellationToken cancellationToken)
    {
        switch (task.Status, task.StatusMessage)
        {
            case (MigrationTaskStates.Deleting, _):
                await storage.DeleteAsync(task.S3Bucket, task.ObjectKey, cancellationToken);
                Export(task, t => t with { Status = MigrationTaskStates.Deleted, Progress = null }, from: MigrationTaskStates.Deleting);
                break;
            case (MigrationTaskStates.Active, "validating"):
                Export(task, t => state.Disks.Has(t.SnapshotId)
                    ? t with { StatusMessage = "updating", Progress = 21 }
                    : t with { Status = MigrationTaskStates.Deleted, StatusMessage = $"ClientError: snapshot {t.SnapshotId} of {t.ImageId} holds no data", Progress = null });
                break;
            case (MigrationTaskStates.Active, _):
                await WriteExportAsync(task, cancellationToken);
                break;
        }
    }

    private async Task WriteExportAsync(ExportImageTaskRecord task, CancellationToken cancellationToken)
    {
        string disk = state.Disks.PathOf(task.SnapshotId);
        string vmdk = state.Disks.PathOf(task.ExportImageTaskId);
        try
        {
            if (task.DiskImageFormat == "VMDK")
            {
                // AWS exports stream-optimized VMDK.
                if (await QemuImg.ConvertAsync("raw", disk, "vmdk", vmdk, cancellationToken, "-o", "subformat=streamOptimized") is string failed)
                {
                    Export(task, t => t with { Status = MigrationTaskStates.Deleted, StatusMessage = "ClientError: " + failed, Progress = null });
                    return;
                }

                disk = vmdk;
            }

            await storage.PutFileAsync(task.S3Bucket, task.ObjectKey, disk, cancellationToken);
        }
        catch (AmazonS3Exception e)
        {
            Export(task, t => t with { Status = MigrationTaskStates.Deleted, StatusMessage = $"ClientError: cannot write s3://{t.S3Bucket}/{t.ObjectKey}: {e.ErrorCode}", Progress = null });
            return;
        }
        finally
        {
            state.Disks.Delete(task.ExportImageTaskId);
        }

        // A cancel that arrived while the object was written leaves the task deleting: the next step removes the object.
        Export(task, t => t with { Status = MigrationTaskStates.Completed, StatusMessage = null, Progress = null });
    }

    private async Task StepAsync(ImportSnapshotTaskRecord task, CancellationToken cancellationToken)
    {
        switch (task.Status, task.StatusMessage)
        {
            case (MigrationTaskStates.Deleting, _):
                state.Disks.Delete(task.ImportTaskId);
                Import(task, t => t with { Status = MigrationTaskStates.Deleted, Progress = null }, from: MigrationTaskStates.Deleting);
                break;
            case (MigrationTaskStates.Active, "pending"):
                Import(task, t => t with { StatusMessage = "downloading/converting", Progress = 22 });
                break;
            case (MigrationTaskStates.Active, _):
                await ReadImportAsync(task, cancellationToken);
                break;
        }
    }

    private async Task ReadImportAsync(ImportSnapshotTaskRecord task, CancellationToken cancellationToken)
    {
        (Amazon.S3.Model.GetObjectResponse? found, HttpStatusCode status) = await storage.OpenAsync(task.S3Bucket, task.S3Key, cancellationToken);
        if (found is null)
        {
            Import(task, t => t with { Status = MigrationTaskStates.Deleted, StatusMessage = $"ClientError: Unable to read s3://{t.S3Bucket}/{t.S3Key} (HTTP {(int)status})", Progress = null });
            return;
        }

        long size;
        using (found)
        {
            size = await state.Disks.WriteAsync(task.ImportTaskId, 0, found.ResponseStream, cancellationToken);
        }

        if (size == 0)
        {
            state.Disks.Delete(task.ImportTaskId);
            Import(task, t => t with { Status = MigrationTaskStates.Deleted, StatusMessage = "ClientError: Disk validation failed [the disk is empty]", Progress = null });
            return;
        }

        var snapshot = new SnapshotRecord
        {
            SnapshotId = ResourceIds.New("snap", longId: true),
            VolumeId = ImportedVolumeId,
            OwnerId = task.OwnerId,
            VolumeSize = (int)Math.Max(1, (size + (1L << 30) - 1) >> 30),
            Description = task.DiskDescription ?? $"Created by AWS-VMImport service for {task.ImportTaskId}",
            StartTime = time.GetUtcNow(),
        };
        // The snapshot exists before the task says completed; a cancel that came while the object was read removes it.
        state.Disks.Rename(task.ImportTaskId, snapshot.SnapshotId);
        state.Snapshots.Put(snapshot);
        ImportSnapshotTaskRecord? after = Import(task, t => t with
        {
            Status = MigrationTaskStates.Completed, StatusMessage = null, Progress = null, SnapshotId = snapshot.SnapshotId, DiskImageSize = size,
        });
        if (after?.Status != MigrationTaskStates.Completed)
        {
            state.Snapshots.Remove(snapshot.SnapshotId);
            state.Disks.Delete(snapshot.SnapshotId);
        }
    }

    /// <summary>Applies a change unless the task left <paramref name="from"/> meanwhile (cancelled by its owner).</summary>
    private void Export(ExportImageTaskRecord task, Func<ExportImageTaskRecord, ExportImageTaskRecord> change, string from = MigrationTaskStates.Active) =>
        state.MigrationTasks.Exports.Update(task.ExportImageTaskId, current => current.Status == from ? change(current) : current);

    private ImportSnapshotTaskRecord? Import(ImportSnapshotTaskRecord task, Func<ImportSnapshotTaskRecord, ImportSnapshotTaskRecord> change, string from = MigrationTaskStates.Active) =>
        state.MigrationTasks.SnapshotImports.Update(task.ImportTaskId, current => current.Status == from ? change(current) : current);
}
