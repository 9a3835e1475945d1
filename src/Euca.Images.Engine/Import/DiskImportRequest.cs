using System.Collections.Generic;

namespace Euca.Images.Engine.Import
{
    /// <summary>The disk side of ImportVolume and ImportInstance: file, bucket and sizes.</summary>
    public class DiskImportRequest
    {
        public DiskImportRequest(string path, string bucket)
        {
            Path = path;
            Bucket = bucket;
        }

        /// <summary>A disk that is not a local file; sent as it is.</summary>
        protected DiskImportRequest(IImportDiskSource source, string bucket)
            : this(source?.Name ?? throw new System.ArgumentNullException(nameof(source)), bucket)
        {
            Source = source;
            Format = source.Format;
        }

        /// <summary>The local file, or the name of <see cref="Source"/>.</summary>
        public string Path { get; }

        /// <summary>The disk when it is not a local file (for example an object another cloud exported).</summary>
        public IImportDiskSource? Source { get; }

        public string Bucket { get; }

        /// <summary>A folder in the bucket above the per-import UUID folder.</summary>
        public string? KeyPrefix { get; set; }

        /// <summary>
        /// What is sent: Raw (the raw disk of any format) or Vmdk (a sparse or stream-optimized VMDK as it is). By
        /// default a VMDK of those kinds is sent as it is and everything else as raw.
        /// </summary>
        public ImportDiskFormat? Format { get; set; }

        /// <summary>The volume size in GiB; by default the image size rounded up.</summary>
        public long? VolumeSize { get; set; }

        public string? Description { get; set; }

        /// <summary>How long the manifest's pre-signed URLs stay valid (euca2ools: 30 days).</summary>
        public int ExpiresInDays { get; set; } = 30;

        public ImportUploadOptions Upload { get; set; } = new ImportUploadOptions();
    }

    public enum ImportDiskFormat
    {
        Raw,
        Vmdk,
    }

    /// <summary>ImportVolume: the disk becomes a volume in a zone.</summary>
    public sealed class VolumeImportRequest : DiskImportRequest
    {
        public VolumeImportRequest(string path, string bucket, string availabilityZone)
            : base(path, bucket)
        {
            AvailabilityZone = availabilityZone;
        }

        public VolumeImportRequest(IImportDiskSource source, string bucket, string availabilityZone)
            : base(source, bucket)
        {
            AvailabilityZone = availabilityZone;
        }

        public string AvailabilityZone { get; }
    }

    /// <summary>ImportInstance: the disk becomes the root volume of a new instance (euca-import-instance's options).</summary>
    public sealed class InstanceImportRequest : DiskImportRequest
    {
        public InstanceImportRequest(string path, string bucket, string instanceType, string platform)
            : base(path, bucket)
        {
            InstanceType = instanceType;
            Platform = platform;
        }

        public string InstanceType { get; }

        /// <summary>Windows or Linux.</summary>
        public string Platform { get; }

        public string? Architecture { get; set; }

        public string? AvailabilityZone { get; set; }

        public string? KeyName { get; set; }

        public IList<string> SecurityGroups { get; set; } = new List<string>();

        public string? SubnetId { get; set; }

        public string? PrivateIpAddress { get; set; }

        public bool Monitoring { get; set; }

        /// <summary>stop or terminate.</summary>
        public string? InstanceInitiatedShutdownBehavior { get; set; }

        /// <summary>User data as text; it is sent base64-encoded.</summary>
        public string? UserData { get; set; }
    }
}
