using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.Images
{
    public enum ImageKind
    {
        Machine,
        Kernel,
        Ramdisk,
    }

    public enum RootDeviceKind
    {
        InstanceStore,
        Ebs,
    }

    public enum VirtualizationKind
    {
        Hvm,
        Paravirtual,
    }

    /// <summary>An image as the cloud describes it (the engine's own type, independent of the AWS SDK).</summary>
    public sealed class ImageInfo
    {
        public string ImageId { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string? Description { get; set; }

        /// <summary>For instance-store images, BUCKET/PREFIX.manifest.xml.</summary>
        public string? ImageLocation { get; set; }

        public string? State { get; set; }

        public string? OwnerId { get; set; }

        public string? OwnerAlias { get; set; }

        public bool IsPublic { get; set; }

        public string? Architecture { get; set; }

        public ImageKind? ImageType { get; set; }

        public string? KernelId { get; set; }

        public string? RamdiskId { get; set; }

        /// <summary><c>windows</c> or null.</summary>
        public string? Platform { get; set; }

        public RootDeviceKind? RootDeviceType { get; set; }

        public string? RootDeviceName { get; set; }

        public VirtualizationKind? VirtualizationType { get; set; }

        public string? Hypervisor { get; set; }

        public DateTime? CreationDate { get; set; }

        public IReadOnlyList<string> ProductCodes { get; set; } = Array.Empty<string>();

        public IReadOnlyList<ImageBlockDeviceMapping> BlockDeviceMappings { get; set; } = Array.Empty<ImageBlockDeviceMapping>();

        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        public override string ToString() => Name == null ? ImageId : $"{ImageId} ({Name})";
    }

    /// <summary>One block device mapping of an image: an ephemeral (VirtualName), an EBS volume, or a suppressed device.</summary>
    public sealed class ImageBlockDeviceMapping
    {
        public string? DeviceName { get; set; }

        /// <summary>ephemeral0..3 for instance-store disks.</summary>
        public string? VirtualName { get; set; }

        public string? SnapshotId { get; set; }

        public int? VolumeSizeGiB { get; set; }

        public bool? DeleteOnTermination { get; set; }

        public string? VolumeType { get; set; }

        /// <summary>Provisioned IOPS (not allowed with the <c>standard</c> volume type).</summary>
        public int? Iops { get; set; }

        public bool NoDevice { get; set; }

        /// <summary>True when the mapping describes an EBS volume (a snapshot, size, type or delete flag).</summary>
        public bool IsEbs => SnapshotId != null || VolumeSizeGiB != null || DeleteOnTermination != null || VolumeType != null || Iops != null;

        /// <summary>The euca2ools notation: <c>DEV=none</c>, <c>DEV=ephemeral0</c> or <c>DEV=snap:size:delete:type[:iops]</c>.</summary>
        public override string ToString()
        {
            if (NoDevice)
            {
                return DeviceName + "=none";
            }

            if (VirtualName != null)
            {
                return DeviceName + "=" + VirtualName;
            }

            string text = string.Join(":", SnapshotId, VolumeSizeGiB, DeleteOnTermination?.ToString().ToLowerInvariant(), VolumeType, Iops);
            return DeviceName + "=" + text.TrimEnd(':');
        }
    }
}
