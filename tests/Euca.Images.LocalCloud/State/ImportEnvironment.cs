namespace Euca.Images.LocalCloud.State;

/// <summary>What disk imports need besides the state: the object storage the imaging worker reads from, the zones,
/// and the Eucalyptus timing properties (shortened in tests).</summary>
public sealed class ImportEnvironment
{
    /// <summary>Object storage (s3rver in tests); import requests fail without it.</summary>
    public Uri? ObjectStorageUrl { get; init; }

    public IReadOnlyList<string> AvailabilityZones { get; init; } = ["one"];

    /// <summary>How often the worker advances each task (it reads one part per step).</summary>
    public TimeSpan ConversionStepInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>services.imaging.import_task_expiration_hours: the deadline for uploading (168 h).</summary>
    public TimeSpan TaskExpiration { get; init; } = TimeSpan.FromHours(168);

    /// <summary>services.imaging.import_task_timeout_minutes: how long a task waits for missing parts (180 min).</summary>
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromMinutes(180);
}
