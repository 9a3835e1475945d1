using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Snapshots;
using Euca.Images.LocalCloud.State.Volumes;

namespace Euca.Images.LocalCloud.Actions.Snapshots;

/// <summary>Starts a snapshot of a volume: shared by CreateSnapshot and CreateImage (which snapshots every volume
/// of the instance). The snapshot's bytes are a copy of the volume's.</summary>
public static class SnapshotMaker
{
    public static SnapshotRecord Start(CloudState state, VolumeFacts volume, string? description, DateTimeOffset now)
    {
        var snapshot = new SnapshotRecord
        {
            SnapshotId = ResourceIds.New("snap", state.Flavor == CloudFlavor.Aws),
            VolumeId = volume.VolumeId,
            OwnerId = volume.OwnerId,
            VolumeSize = volume.SizeGiB,
            Description = description,
            StartTime = now,
            Duration = state.Timing.Snapshot,
        };
        // A snapshot holds what its volume holds (a seeded volume has no bytes, so neither has its snapshot).
        state.Disks.Copy(volume.VolumeId, snapshot.SnapshotId);
        state.Snapshots.Put(snapshot);
        return snapshot;
    }
}
