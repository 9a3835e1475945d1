using Amazon.EC2.Model;

namespace Euca.Images.Engine.Migration
{
    /// <summary>One import-snapshot task as the cloud describes it (the status lives in its snapshot task detail).</summary>
    public sealed class SnapshotImportTaskInfo
    {
        public string ImportTaskId { get; set; } = string.Empty;

        /// <summary>active, completed, deleting or deleted.</summary>
        public string Status { get; set; } = string.Empty;

        public string? StatusMessage { get; set; }

        public int? Progress { get; set; }

        /// <summary>Set once the task has completed.</summary>
        public string? SnapshotId { get; set; }

        public bool IsFinished => Status == "completed" || Status == "deleted" || Status == "error";

        internal static SnapshotImportTaskInfo From(string importTaskId, SnapshotTaskDetail? detail) => new SnapshotImportTaskInfo
        {
            ImportTaskId = importTaskId,
            Status = detail?.Status ?? string.Empty,
            StatusMessage = string.IsNullOrEmpty(detail?.StatusMessage) ? null : detail!.StatusMessage,
            Progress = ExportTaskInfo.ParseProgress(detail?.Progress),
            SnapshotId = string.IsNullOrEmpty(detail?.SnapshotId) ? null : detail!.SnapshotId,
        };
    }
}
