using System;
using System.Collections.Generic;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Images.Registration
{
    /// <summary>
    /// What to register: an instance-store image from a bundle manifest (<see cref="ImageLocation"/>), or an EBS-backed
    /// image from a root snapshot (<see cref="SnapshotId"/> and/or a root mapping in <see cref="BlockDeviceMappings"/>).
    /// </summary>
    public sealed class ImageRegistrationRequest
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>BUCKET/PREFIX.manifest.xml of an uploaded bundle.</summary>
        public string? ImageLocation { get; set; }

        /// <summary>The snapshot of the root volume of an EBS-backed image.</summary>
        public string? SnapshotId { get; set; }

        /// <summary>The root device of an EBS-backed image; Eucalyptus' default is <c>/dev/sda</c>.</summary>
        public string? RootDeviceName { get; set; }

        public IReadOnlyList<ImageBlockDeviceMapping> BlockDeviceMappings { get; set; } = Array.Empty<ImageBlockDeviceMapping>();

        public string? Description { get; set; }

        /// <summary>i386, x86_64 or armhf (the architectures euca-register offers).</summary>
        public string? Architecture { get; set; }

        public VirtualizationKind? VirtualizationType { get; set; }

        /// <summary>An eki-/aki- id, or Eucalyptus' magic value <c>windows</c>.</summary>
        public string? KernelId { get; set; }

        public string? RamdiskId { get; set; }

        /// <summary><c>windows</c> or null; a Eucalyptus extension the EC2 API does not have.</summary>
        public string? Platform { get; set; }

        /// <summary>True for an EBS-backed registration (no manifest).</summary>
        public bool IsEbs => ImageLocation == null;
    }
}
