using System;
using System.Globalization;
using Amazon.EC2.Model;

namespace Euca.Images.Engine.Migration
{
    /// <summary>One export-image task as the cloud describes it, with the format its object is written in.</summary>
    public sealed class ExportTaskInfo
    {
        public string ExportTaskId { get; set; } = string.Empty;

        public string? ImageId { get; set; }

        /// <summary>active, completed, deleting or deleted.</summary>
        public string Status { get; set; } = string.Empty;

        public string? StatusMessage { get; set; }

        /// <summary>Percent done while active.</summary>
        public int? Progress { get; set; }

        public string Bucket { get; set; } = string.Empty;

        public string? Prefix { get; set; }

        /// <summary>Describe answers do not carry the format; the caller knows it.</summary>
        public ExportFormat Format { get; set; }

        public bool IsFinished => Status == "completed" || Status == "deleted" || Status == "error";

        /// <summary>ExportImage's object: prefix + task id + "." + the format in lower case.</summary>
        public string ObjectKey => (Prefix ?? string.Empty) + ExportTaskId + "." + Format.ToString().ToLowerInvariant();

        internal static ExportTaskInfo From(ExportImageTask task, ExportFormat format) => new ExportTaskInfo
        {
            ExportTaskId = task.ExportImageTaskId,
            ImageId = task.ImageId,
            Status = task.Status ?? string.Empty,
            StatusMessage = string.IsNullOrEmpty(task.StatusMessage) ? null : task.StatusMessage,
            Progress = ParseProgress(task.Progress),
            Bucket = task.S3ExportLocation?.S3Bucket ?? string.Empty,
            Prefix = task.S3ExportLocation?.S3Prefix,
            Format = format,
        };

        internal static int? ParseProgress(string? progress) =>
            int.TryParse((progress ?? string.Empty).TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;
    }
}
