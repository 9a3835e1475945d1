namespace Euca.Images.LocalCloud.State.Snapshots;

/// <summary>The snapshots, kept apart from volumes so a volume model can be added without touching them.
/// Thread-safe: reads return snapshots of the table, writes happen under one lock.</summary>
public sealed class SnapshotTable
{
    private readonly object gate = new();
    private readonly Dictionary<string, SnapshotRecord> snapshots = new(StringComparer.Ordinal);

    public IReadOnlyList<SnapshotRecord> SnapshotAll()
    {
        lock (gate)
        {
            return snapshots.Values.OrderBy(s => s.SnapshotId, StringComparer.Ordinal).ToArray();
        }
    }

    public SnapshotRecord? Find(string snapshotId)
    {
        lock (gate)
        {
            return snapshots.GetValueOrDefault(snapshotId);
        }
    }

    public void Put(SnapshotRecord snapshot)
    {
        lock (gate)
        {
            snapshots[snapshot.SnapshotId] = snapshot;
        }
    }

    public bool Remove(string snapshotId)
    {
        lock (gate)
        {
            return snapshots.Remove(snapshotId);
        }
    }
}
