using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Instances;
using Euca.Images.LocalCloud.State.Volumes;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>The volumes an account can describe: those it created or imported, and the seeded instances' disks.
/// A seeded volume has only an owner and a size in the configuration; the rest is what launching its instance
/// would have given it: the cloud's first zone, the instance's launch time, and the snapshot its image maps to
/// that device (the root volume of an EBS-backed instance is made from the image's snapshot).</summary>
public static class VolumeViews
{
    public static IReadOnlyList<VolumeView> OwnedBy(CloudState state, string accountId)
    {
        IReadOnlyList<InstanceRecord> instances = state.Instances.SnapshotInstances().Where(i => i.State != InstanceStates.Terminated).ToList();
        var views = state.Volumes.OwnedBy(accountId).Select(v => new VolumeView(v, AttachmentsOf(v.VolumeId, instances))).ToList();
        foreach (InstanceRecord instance in instances)
        {
            foreach (InstanceVolumeRecord attached in instance.BlockDeviceMappings)
            {
                if (state.VolumeLookup.Find(attached.VolumeId) is { } seeded && seeded.OwnerId == accountId)
                {
                    views.Add(new VolumeView(Seeded(state, seeded, instance, attached), AttachmentsOf(seeded.VolumeId, instances)));
                }
            }
        }

        return views.OrderBy(v => v.Volume.VolumeId, StringComparer.Ordinal).ToList();
    }

    private static VolumeRecord Seeded(CloudState state, VolumeFacts facts, InstanceRecord instance, InstanceVolumeRecord attached) => new()
    {
        VolumeId = facts.VolumeId,
        OwnerId = facts.OwnerId,
        Size = facts.SizeGiB,
        AvailabilityZone = state.Import.AvailabilityZones[0],
        State = "in-use",
        SnapshotId = state.FindImage(instance.ImageId)?.BlockDeviceMappings.FirstOrDefault(m => m.DeviceName == attached.DeviceName)?.SnapshotId,
        CreateTime = instance.LaunchTime,
    };

    private static IReadOnlyList<VolumeAttachmentView> AttachmentsOf(string volumeId, IEnumerable<InstanceRecord> instances) =>
        instances
            .SelectMany(i => i.BlockDeviceMappings.Where(m => m.VolumeId == volumeId)
                .Select(m => new VolumeAttachmentView(i.InstanceId, m.DeviceName, i.LaunchTime, m.DeleteOnTermination)))
            .ToList();
}
