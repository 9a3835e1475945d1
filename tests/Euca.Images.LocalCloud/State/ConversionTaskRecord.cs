namespace Euca.Images.LocalCloud.State;

/// <summary>An ImportVolume or ImportInstance conversion task. Immutable: the worker and CancelConversionTask
/// replace it through <see cref="ConversionTaskStore.Update"/>.</summary>
public sealed record ConversionTaskRecord
{
    public const string Active = "active";
    public const string Cancelled = "cancelled";
    public const string Completed = "completed";

    public string ConversionTaskId { get; init; } = "";

    public string OwnerId { get; init; } = "";

    /// <summary>ImportVolume or ImportInstance.</summary>
    public string TaskType { get; init; } = "ImportVolume";

    /// <summary>active | cancelling | cancelled | completed; a failed conversion ends cancelled with a message.</summary>
    public string State { get; init; } = Active;

    public string StatusMessage { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpirationTime { get; init; }

    public string? Description { get; init; }

    public string AvailabilityZone { get; init; } = "";

    /// <summary>RAW or VMDK.</summary>
    public string Format { get; init; } = "RAW";

    public long ImageBytes { get; init; }

    public int VolumeSize { get; init; }

    public string ManifestUrl { get; init; } = "";

    public long BytesConverted { get; init; }

    public string? VolumeId { get; init; }

    public string? InstanceId { get; init; }

    public string? Platform { get; init; }

    public string? InstanceType { get; init; }

    public string? KeyName { get; init; }

    /// <summary>LaunchSpecification.Architecture of an ImportInstance: the image registered from the disk gets it.</summary>
    public string? Architecture { get; init; }

    /// <summary>ImportInstance, once the disk is converted: the snapshot of the imported volume, then the image
    /// registered from it (the instance is launched from that image).</summary>
    public string? SnapshotId { get; init; }

    public string? ImageId { get; init; }

    /// <summary>The manifest's parts once it was read and every part was present; null while waiting for the upload.</summary>
    public IReadOnlyList<ImportPartRecord>? Parts { get; init; }

    /// <summary>How many parts have been read into the volume.</summary>
    public int PartsConverted { get; init; }
}

/// <summary>One part of an import manifest, as the worker fetches it.</summary>
public sealed record ImportPartRecord(int Index, long Start, long End, string Key, string HeadUrl, string GetUrl, string DeleteUrl)
{
    public long Length => End - Start + 1;
}
