namespace Euca.Images.LocalCloud.State;

/// <summary>An EBS volume, as much of it as image work needs. Immutable: changes replace the record.</summary>
public sealed record VolumeRecord
{
    public string VolumeId { get; init; } = "";

    public string OwnerId { get; init; } = "";

    /// <summary>GiB.</summary>
    public int Size { get; init; }

    public string AvailabilityZone { get; init; } = "";

    /// <summary>creating | available | in-use | deleting | deleted | error.</summary>
    public string State { get; init; } = "available";

    public string? SnapshotId { get; init; }

    public DateTimeOffset CreateTime { get; init; }
}
