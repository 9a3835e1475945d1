using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Snapshots;
using Euca.Images.LocalCloud.State.Volumes;

namespace Euca.Images.LocalCloud.Actions.Snapshots;

/// <summary>Starts a snapshot of a volume: shared by CreateSnapshot and CreateImage (which snapshots every volume
/// of the instance).</summary>
public static class SnapshotMaker
{
    public static SnapshotRecord Start(CloudState state, VolumeFacts volume, string? description, DateTimeOffset now)
    {
        var snapshot = new SnapshotRecord
        {
            SnapshotId = ResourceIds.New("snap"),
            VolumeId = volume.VolumeId,
            OwnerId = volume.OwnerId,
            VolumeSize = volume.SizeGiB,
            Description = description,
            StartTime = now,
            Duration = state.Timing.Snapshot,
        };
        state.Snapshots.Put(snapshot);
        return snapshot;
    }
}
