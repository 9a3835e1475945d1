using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.Volumes
{
    /// <summary>An EBS volume as the cloud describes it.</summary>
    public sealed class VolumeInfo
    {
        public string VolumeId { get; set; } = string.Empty;

        public int? SizeGiB { get; set; }

        /// <summary>creating, available, in-use, deleting, deleted or error.</summary>
        public string? State { get; set; }

        public string? AvailabilityZone { get; set; }

        /// <summary>The snapshot the volume was made from; null for a volume made empty or by a disk import.</summary>
        public string? SnapshotId { get; set; }

        public DateTime? CreateTime { get; set; }

        /// <summary>The instances the volume is attached to (at most one on EC2 and Eucalyptus).</summary>
        public IReadOnlyList<VolumeAttachmentInfo> Attachments { get; set; } = Array.Empty<VolumeAttachmentInfo>();

        /// <summary>The caller's tags on the volume.</summary>
        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        public override string ToString() => $"{VolumeId} ({State})";
    }
}
