using System.Text.RegularExpressions;

namespace Euca.Images.LocalCloud.State.Snapshots;

/// <summary>Checks the configured snapshots (well-formed ids, known owners and permitted accounts) and puts them in a
/// table. A seeded snapshot has no duration: it is completed.</summary>
public static partial class SnapshotSeed
{
    [GeneratedRegex("^snap-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SnapshotIdPattern();

    public static SnapshotTable Create(IEnumerable<SnapshotRecord> seed, ISet<string> accountIds)
    {
        var table = new SnapshotTable();
        foreach (SnapshotRecord snapshot in seed)
        {
            if (!SnapshotIdPattern().IsMatch(snapshot.SnapshotId) || table.Find(snapshot.SnapshotId) is not null)
            {
                throw new InvalidDataException($"Seed snapshot id '{snapshot.SnapshotId}' is not a canonical snapshot id, or is configured twice.");
            }

            string? unknown = snapshot.CreateVolumePermissions.Prepend(snapshot.OwnerId).FirstOrDefault(a => !accountIds.Contains(a));
            if (unknown is not null)
            {
                throw new InvalidDataException($"Seed snapshot {snapshot.SnapshotId} names unknown account {unknown}.");
            }

            table.Put(snapshot with { Duration = TimeSpan.Zero });
        }

        return table;
    }
}
