namespace Euca.Images.LocalCloud.State.Volumes;

/// <summary>The volumes configured under <c>compute.volumes</c> (the disks of the seeded instances).</summary>
public sealed class SeededVolumeLookup(IEnumerable<VolumeFacts> volumes) : IVolumeLookup
{
    private readonly Dictionary<string, VolumeFacts> volumes = volumes.ToDictionary(v => v.VolumeId, StringComparer.Ordinal);

    public VolumeFacts? Find(string volumeId) => volumes.GetValueOrDefault(volumeId);
}
