using System;
using System.Collections.Generic;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Instances
{
    /// <summary>What CreateImage needs: the EBS-backed instance and the new image's name.</summary>
    public sealed class ImageFromInstanceRequest
    {
        public string InstanceId { get; set; } = string.Empty;

        /// <summary>3 to 128 characters: letters, digits and ( ) . - / _.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Under 256 characters.</summary>
        public string? Description { get; set; }

        /// <summary>Snapshot the volumes without rebooting a running instance first (file systems may be inconsistent).</summary>
        public bool NoReboot { get; set; }

        /// <summary>Extra devices for the image: ephemeral (VirtualName), new EBS volumes, or NoDevice to leave one out.</summary>
        public IReadOnlyList<ImageBlockDeviceMapping> BlockDeviceMappings { get; set; } = Array.Empty<ImageBlockDeviceMapping>();
    }
}
