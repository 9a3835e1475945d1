using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Snapshots;

/// <summary>The errors of the snapshot actions, with EC2's codes.</summary>
public static class SnapshotErrors
{
    public static CloudErrorException VolumeIdMalformed(string volumeId) =>
        new(400, "InvalidVolumeID.Malformed", $"Invalid id: \"{volumeId}\"");

    public static CloudErrorException VolumeNotFound(string volumeId) =>
        new(400, "InvalidVolume.NotFound", $"The volume '{volumeId}' does not exist.");

    public static CloudErrorException SnapshotIdMalformed(string snapshotId) =>
        new(400, "InvalidSnapshotID.Malformed", $"Invalid id: \"{snapshotId}\"");

    public static CloudErrorException SnapshotNotFound(string snapshotId) =>
        new(400, "InvalidSnapshot.NotFound", $"The snapshot '{snapshotId}' does not exist.");
}
