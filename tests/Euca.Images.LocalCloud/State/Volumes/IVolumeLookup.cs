namespace Euca.Images.LocalCloud.State.Volumes;

/// <summary>What instance and snapshot actions need to know about a volume. A narrow interface on purpose: the
/// volume store itself belongs to the volume actions, and this lookup can be pointed at whichever store the local
/// cloud has (today the seeded volumes of the instances).</summary>
public interface IVolumeLookup
{
    /// <summary>The volume, or null when no such volume exists.</summary>
    VolumeFacts? Find(string volumeId);
}

/// <summary>The facts of a volume that snapshots copy: owner and size.</summary>
public sealed record VolumeFacts(string VolumeId, string OwnerId, int SizeGiB);
