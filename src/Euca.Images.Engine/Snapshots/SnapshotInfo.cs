using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.Snapshots
{
    /// <summary>An EBS snapshot as the cloud describes it.</summary>
    public sealed class SnapshotInfo
    {
        public string SnapshotId { get; set; } = string.Empty;

        public string? VolumeId { get; set; }

        /// <summary>pending, completed or error.</summary>
        public string? State { get; set; }

        /// <summary>The cloud's progress percentage (0-100), when it reports one.</summary>
        public int? Progress { get; set; }

        public int? VolumeSizeGiB { get; set; }

        public string? OwnerId { get; set; }

        public string? OwnerAlias { get; set; }

        public string? Description { get; set; }

        public DateTime? StartTime { get; set; }

        /// <summary>The caller's tags on the snapshot.</summary>
        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        public bool IsFinished => State == "completed" || State == "error";

        public override string ToString() => $"{SnapshotId} ({State})";
    }
}
