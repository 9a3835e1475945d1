using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.Import
{
    /// <summary>A disk-import conversion task (import-vol-… or import-i-…) as DescribeConversionTasks reports it.</summary>
    public sealed class ConversionTaskInfo
    {
        public string ConversionTaskId { get; set; } = "";

        /// <summary>ImportVolume or ImportInstance.</summary>
        public string TaskType { get; set; } = "";

        /// <summary>active, cancelling, cancelled or completed (a failed task ends cancelled with a status message).</summary>
        public string State { get; set; } = "";

        public string? StatusMessage { get; set; }

        /// <summary>The deadline for uploading the image (Eucalyptus: 7 days after the request).</summary>
        public DateTime? ExpirationTime { get; set; }

        /// <summary>The instance an ImportInstance task launches.</summary>
        public string? InstanceId { get; set; }

        public string? Platform { get; set; }

        public string? Description { get; set; }

        public IList<ConversionVolumeInfo> Volumes { get; set; } = new List<ConversionVolumeInfo>();

        /// <summary>The first (for ImportVolume: the only) disk's volume, for the table view.</summary>
        public string? VolumeId => Volumes.Count > 0 ? Volumes[0].VolumeId : null;

        /// <summary>Bytes converted over all disks.</summary>
        public long BytesConverted
        {
            get
            {
                long sum = 0;
                foreach (var volume in Volumes) sum += volume.BytesConverted;
                return sum;
            }
        }

        /// <summary>Image bytes over all disks.</summary>
        public long ImageSize
        {
            get
            {
                long sum = 0;
                foreach (var volume in Volumes) sum += volume.ImageSize;
                return sum;
            }
        }

        public bool IsFinished => State == "completed" || State == "cancelled";

        public override string ToString() => ConversionTaskId;
    }

    /// <summary>One disk of a conversion task: the uploaded image and the volume it becomes.</summary>
    public sealed class ConversionVolumeInfo
    {
        public string Format { get; set; } = "";

        public long ImageSize { get; set; }

        public string? ImportManifestUrl { get; set; }

        public string? VolumeId { get; set; }

        public long VolumeSize { get; set; }

        public string? AvailabilityZone { get; set; }

        public long BytesConverted { get; set; }

        public string? Status { get; set; }

        public string? StatusMessage { get; set; }
    }
}
