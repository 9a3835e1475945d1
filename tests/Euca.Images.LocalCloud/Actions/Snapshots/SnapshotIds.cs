using System.Text.RegularExpressions;

namespace Euca.Images.LocalCloud.Actions.Snapshots;

/// <summary>Volume (`vol-`) and snapshot (`snap-`) ids: 8 or 17 hex digits, canonicalized to lower case.</summary>
public static partial class SnapshotIds
{
    [GeneratedRegex("^(vol|snap)-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex Pattern();

    public static string Volume(string id) => Canonical(id, "vol") ?? throw SnapshotErrors.VolumeIdMalformed(id);

    public static string Snapshot(string id) => Canonical(id, "snap") ?? throw SnapshotErrors.SnapshotIdMalformed(id);

    private static string? Canonical(string id, string prefix)
    {
        string lower = id.ToLowerInvariant();
        Match match = Pattern().Match(lower);
        return match.Success && match.Groups[1].Value == prefix ? lower : null;
    }
}
