namespace Euca.Images.LocalCloud.State.Migration;

/// <summary>One ImportSnapshot task: a disk object in the caller's bucket becomes an EBS snapshot. Immutable:
/// changes replace it.</summary>
public sealed record ImportSnapshotTaskRecord
{
    public string ImportTaskId { get; init; } = "";

    public string OwnerId { get; init; } = "";

    /// <summary>The task's description (`Description`).</summary>
    public string? Description { get; init; }

    /// <summary>The disk's description (`DiskContainer.Description`), also the new snapshot's.</summary>
    public string? DiskDescription { get; init; }

    public string Format { get; init; } = "RAW";

    public string S3Bucket { get; init; } = "";

    public string S3Key { get; init; } = "";

    public string? ClientToken { get; init; }

    public string Status { get; init; } = MigrationTaskStates.Active;

    public string? StatusMessage { get; init; } = "pending";

    public int? Progress { get; init; } = 3;

    /// <summary>Bytes of the disk object once read (AWS documents GiB but sends bytes).</summary>
    public double DiskImageSize { get; init; }

    public string? SnapshotId { get; init; }
}
