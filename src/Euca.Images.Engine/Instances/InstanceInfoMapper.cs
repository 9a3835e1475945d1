using System.Collections.Generic;
using System.Linq;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Instances
{
    /// <summary>SDK <see cref="Instance"/> to <see cref="InstanceInfo"/>; SDK v4 gives null for empty lists.</summary>
    internal static class InstanceInfoMapper
    {
        public static InstanceInfo From(Instance instance) =>
            new InstanceInfo
            {
                InstanceId = instance.InstanceId ?? string.Empty,
                ImageId = instance.ImageId,
                State = instance.State?.Name?.Value,
                RootDeviceType = instance.RootDeviceType?.Value == "ebs" ? RootDeviceKind.Ebs
                    : instance.RootDeviceType?.Value == "instance-store" ? RootDeviceKind.InstanceStore : (RootDeviceKind?)null,
                RootDeviceName = instance.RootDeviceName,
                Platform = instance.Platform?.Value,
                InstanceType = instance.InstanceType?.Value,
                LaunchTime = instance.LaunchTime?.ToUniversalTime(),
                Volumes = (instance.BlockDeviceMappings ?? new List<InstanceBlockDeviceMapping>())
                    .Where(m => m.Ebs != null)
                    .Select(m => new InstanceVolume { DeviceName = m.DeviceName, VolumeId = m.Ebs.VolumeId, DeleteOnTermination = m.Ebs.DeleteOnTermination })
                    .ToList(),
                Tags = TagSets.From(instance.Tags),
            };
    }
}
