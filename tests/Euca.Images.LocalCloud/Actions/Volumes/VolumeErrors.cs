using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>The volume errors that are not shared with imports or snapshots, with Eucalyptus 4.4's codes and texts.</summary>
public static class VolumeErrors
{
    public static CloudErrorException VolumeInUse(string instanceId) =>
        new(400, "VolumeInUse", $"Volume is currently attached to: {instanceId}");
}
