using System;
using System.Collections.Generic;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Instances
{
    /// <summary>The facts of an instance that image creation depends on.</summary>
    public sealed class InstanceInfo
    {
        public string InstanceId { get; set; } = string.Empty;

        public string? ImageId { get; set; }

        /// <summary>pending, running, shutting-down, terminated, stopping or stopped.</summary>
        public string? State { get; set; }

        public RootDeviceKind? RootDeviceType { get; set; }

        public string? RootDeviceName { get; set; }

        /// <summary><c>windows</c> or null.</summary>
        public string? Platform { get; set; }

        public string? InstanceType { get; set; }

        public DateTime? LaunchTime { get; set; }

        public IReadOnlyList<InstanceVolume> Volumes { get; set; } = Array.Empty<InstanceVolume>();

        /// <summary>The caller's tags on the instance.</summary>
        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        public override string ToString() => InstanceId;
    }

    /// <summary>An EBS volume attached to an instance.</summary>
    public sealed class InstanceVolume
    {
        public string? DeviceName { get; set; }

        public string? VolumeId { get; set; }

        public bool? DeleteOnTermination { get; set; }
    }
}
