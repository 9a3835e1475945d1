namespace Euca.Images.LocalCloud.State.Snapshots;

/// <summary>One snapshot. Its status and progress at any moment follow from the clock: `pending` with a rising
/// percentage until <see cref="StartTime"/> + <see cref="Duration"/>, then `completed` at 100%.</summary>
public sealed record SnapshotRecord
{
    public string SnapshotId { get; init; } = "";

    public string VolumeId { get; init; } = "";

    public string OwnerId { get; init; } = "";

    public int VolumeSize { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>Anyone may create volumes from it (createVolumePermission group `all`).</summary>
    public bool IsPublic { get; init; }

    /// <summary>Accounts given createVolumePermission explicitly; the owner is never listed (Snapshot.getPermissions).</summary>
    public IReadOnlyList<string> CreateVolumePermissions { get; init; } = [];

    /// <summary>Snapshot.hasPermission: an explicit permission for any of the accounts (ownership does not count).</summary>
    public bool HasPermission(IEnumerable<string> accountIds) => accountIds.Any(CreateVolumePermissions.Contains);

    public SnapshotView At(DateTimeOffset now)
    {
        if (Duration <= TimeSpan.Zero || now >= StartTime + Duration)
        {
            return new SnapshotView(SnapshotStates.Completed, 100);
        }

        double done = Math.Max(0, (now - StartTime) / Duration);
        return new SnapshotView(SnapshotStates.Pending, (int)(done * 100));
    }
}

/// <summary>What DescribeSnapshots shows at one moment.</summary>
public sealed record SnapshotView(string Status, int Progress);

public static class SnapshotStates
{
    public const string Pending = "pending";
    public const string Completed = "completed";
    public const string Error = "error";
}
