using System.Text.RegularExpressions;
using Euca.Images.LocalCloud.Configuration;
using Euca.Images.LocalCloud.State.Volumes;

namespace Euca.Images.LocalCloud.State.Instances;

/// <summary>Checks the configured instances and their volumes the way the cloud would have kept them consistent:
/// well-formed ids, known owners and states, and attached volumes that exist and belong to the owner. Every seeded
/// volume is the disk of a seeded instance that is not terminated: seeded volumes are fixed (DeleteVolume answers
/// VolumeInUse for them), so one without an instance could be neither used nor deleted.</summary>
public static partial class InstanceSeed
{
    [GeneratedRegex("^i-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex InstanceIdPattern();

    public static (InstanceTable Instances, IVolumeLookup Volumes) Create(ComputeConfig config, ISet<string> accountIds)
    {
        var volumes = config.Volumes.Select(v => new VolumeFacts(v.VolumeId, v.OwnerId, v.Size)).ToList();
        var lookup = new SeededVolumeLookup(volumes);
        foreach (InstanceRecord instance in config.Instances)
        {
            Validate(instance, accountIds, lookup);
        }

        foreach (VolumeFacts volume in volumes.Where(v => !config.Instances.Any(i => IsAttachedTo(v, i))))
        {
            throw new InvalidDataException($"Seed volume {volume.VolumeId} is attached to no instance that is not terminated.");
        }

        return (new InstanceTable(config.Instances), lookup);
    }

    private static bool IsAttachedTo(VolumeFacts volume, InstanceRecord instance) =>
        instance.State != InstanceStates.Terminated && instance.BlockDeviceMappings.Any(m => m.VolumeId == volume.VolumeId);

    private static void Validate(InstanceRecord instance, ISet<string> accountIds, IVolumeLookup volumes)
    {
        if (!InstanceIdPattern().IsMatch(instance.InstanceId))
        {
            throw new InvalidDataException($"Seed instance id '{instance.InstanceId}' is not a canonical instance id.");
        }

        if (!accountIds.Contains(instance.OwnerId))
        {
            throw new InvalidDataException($"Seed instance {instance.InstanceId} has unknown owner {instance.OwnerId}.");
        }

        if (!InstanceStates.IsKnown(instance.State))
        {
            throw new InvalidDataException($"Seed instance {instance.InstanceId} has unknown state {instance.State}.");
        }

        foreach (InstanceVolumeRecord attached in instance.BlockDeviceMappings)
        {
            if (volumes.Find(attached.VolumeId)?.OwnerId != instance.OwnerId)
            {
                throw new InvalidDataException($"Seed instance {instance.InstanceId} uses volume {attached.VolumeId}, which is not a volume of its owner.");
            }
        }

        if (instance.IsEbsBacked && instance.BlockDeviceMappings.All(m => m.DeviceName != instance.RootDeviceName))
        {
            throw new InvalidDataException($"Seed instance {instance.InstanceId} is EBS-backed but has no volume at {instance.RootDeviceName}.");
        }
    }
}
