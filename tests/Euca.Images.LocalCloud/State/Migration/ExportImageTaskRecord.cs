namespace Euca.Images.LocalCloud.State.Migration;

/// <summary>One ExportImage task: the root snapshot of an EBS-backed image written as one object,
/// <c>S3Prefix + ExportImageTaskId + "." + format</c>, into the caller's bucket. Immutable: changes replace it.</summary>
public sealed record ExportImageTaskRecord
{
    public string ExportImageTaskId { get; init; } = "";

    public string OwnerId { get; init; } = "";

    public string ImageId { get; init; } = "";

    public string SnapshotId { get; init; } = "";

    /// <summary>RAW, VMDK or VHD as the request spelled it.</summary>
    public string DiskImageFormat { get; init; } = "RAW";

    public string S3Bucket { get; init; } = "";

    public string? S3Prefix { get; init; }

    public string? Description { get; init; }

    public string RoleName { get; init; } = "vmimport";

    public string? ClientToken { get; init; }

    public string Status { get; init; } = MigrationTaskStates.Active;

    public string? StatusMessage { get; init; } = "validating";

    /// <summary>Percent done while active; absent once the task has ended.</summary>
    public int? Progress { get; init; } = 0;

    public string ObjectKey => (S3Prefix ?? "") + ExportImageTaskId + "." + DiskImageFormat.ToLowerInvariant();
}
