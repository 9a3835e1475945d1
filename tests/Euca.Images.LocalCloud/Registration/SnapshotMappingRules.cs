using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Snapshots;

namespace Euca.Images.LocalCloud.Registration;

/// <summary>The snapshot checks of an EBS image registration, as Eucalyptus 4.4 makes them (cluster-manager
/// images/Images.java):
/// - validateBlockDeviceMappings: every mapped snapshot must exist ("Unable to find snapshot S in the block device
///   mapping for D") and a given size may not be smaller than it ("Size of the volume cannot be smaller than the
///   source snapshot for D"); both are MetadataExceptions, answered InvalidParameterValue;
/// - createFromDeviceMapping: the root snapshot must be the caller's own (looked up under the caller's account),
///   else "Failed to create image from specified block device mapping: ... Snapshot not found S"; the image's volume
///   size is the given size or else the snapshot's (suppliedVolumeSize).</summary>
public static class SnapshotMappingRules
{
    public static List<(BlockDeviceMappingRecord Mapping, bool NoDevice)> Apply(
        IReadOnlyList<(BlockDeviceMappingRecord Mapping, bool NoDevice)> mappings, SnapshotTable snapshots, Account caller, string rootDevice)
    {
        var checkedMappings = new List<(BlockDeviceMappingRecord, bool)>();
        foreach ((BlockDeviceMappingRecord mapping, bool noDevice) in mappings)
        {
            if (noDevice || mapping.SnapshotId is not { } snapshotId)
            {
                checkedMappings.Add((mapping, noDevice));
                continue;
            }

            SnapshotRecord snapshot = snapshots.Find(snapshotId)
                ?? throw CloudErrors.InvalidParameterValue($"Unable to find snapshot {snapshotId} in the block device mapping for {mapping.DeviceName}");
            if (mapping.VolumeSize < snapshot.VolumeSize)
            {
                throw CloudErrors.InvalidParameterValue($"Size of the volume cannot be smaller than the source snapshot for {mapping.DeviceName}");
            }

            if (mapping.DeviceName == rootDevice && snapshot.OwnerId != caller.AccountId)
            {
                throw CloudErrors.InvalidParameterValue(
                    $"Failed to create image from specified block device mapping: {mapping.DeviceName} because of: Snapshot not found {snapshotId}");
            }

            checkedMappings.Add((mapping with { VolumeSize = mapping.VolumeSize ?? snapshot.VolumeSize }, noDevice));
        }

        return checkedMappings;
    }
}
