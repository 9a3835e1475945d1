namespace Euca.Images.LocalCloud.State;

/// <summary>The cloud's volumes (thread-safe; reads return snapshots). Kept apart from images so snapshot and
/// instance work can grow their own stores beside it.</summary>
public sealed class VolumeStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, VolumeRecord> volumes = new(StringComparer.Ordinal);

    /// <summary>17 hex digits per id, as AWS writes them, instead of Eucalyptus' 8.</summary>
    public bool LongIds { get; init; }

    public VolumeRecord Create(string ownerId, int size, string availabilityZone, string? snapshotId, DateTimeOffset now)
    {
        lock (gate)
        {
            string id;
            do
            {
                id = ResourceIds.New("vol", LongIds);
            }
            while (volumes.ContainsKey(id));

            var volume = new VolumeRecord
            {
                VolumeId = id, OwnerId = ownerId, Size = size, AvailabilityZone = availabilityZone, SnapshotId = snapshotId,
                CreateTime = now, State = "available",
            };
            volumes.Add(id, volume);
            return volume;
        }
    }

    public VolumeRecord? Find(string volumeId)
    {
        lock (gate)
        {
            return volumes.GetValueOrDefault(volumeId);
        }
    }

    public IReadOnlyList<VolumeRecord> OwnedBy(string accountId)
    {
        lock (gate)
        {
            return volumes.Values.Where(v => v.OwnerId == accountId).OrderBy(v => v.VolumeId, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Every volume of every account (saving the cloud).</summary>
    public IReadOnlyList<VolumeRecord> SnapshotAll()
    {
        lock (gate)
        {
            return volumes.Values.OrderBy(v => v.VolumeId, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Adds or replaces a volume as it was saved.</summary>
    public void Put(VolumeRecord volume)
    {
        lock (gate)
        {
            volumes[volume.VolumeId] = volume;
        }
    }

    public bool Remove(string volumeId)
    {
        lock (gate)
        {
            return volumes.Remove(volumeId);
        }
    }
}
