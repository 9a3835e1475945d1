namespace Euca.Images.LocalCloud.State.Instances;

/// <summary>A bundle task as started: what it does and when, plus how it will end. Its state at any moment is
/// computed from the clock (<see cref="BundleTaskTimeline"/>), so tests can move time instead of waiting.</summary>
public sealed record BundleTaskRecord
{
    /// <summary>`bun-` plus the instance id's hex part: Eucalyptus derives one from the other.</summary>
    public string BundleId { get; init; } = "";

    public string InstanceId { get; init; } = "";

    public string OwnerId { get; init; } = "";

    public string Bucket { get; init; } = "";

    public string Prefix { get; init; } = "";

    public DateTimeOffset StartTime { get; init; }

    /// <summary>Why the upload will be refused when the task reaches `storing` (a policy that does not allow
    /// this bucket or key, or one that has expired), or null when it will complete.</summary>
    public string? UploadRefusal { get; init; }

    public DateTimeOffset? CancelTime { get; init; }
}

/// <summary>What DescribeBundleTasks shows at one moment.</summary>
public sealed record BundleTaskView(string State, int Progress, DateTimeOffset UpdateTime, string? ErrorCode, string? ErrorMessage)
{
    public bool IsFinished => State is BundleTaskStates.Complete or BundleTaskStates.Failed;
}

/// <summary>EC2 bundle task states.</summary>
public static class BundleTaskStates
{
    public const string Pending = "pending";
    public const string WaitingForShutdown = "waiting-for-shutdown";
    public const string Bundling = "bundling";
    public const string Storing = "storing";
    public const string Cancelling = "cancelling";
    public const string Complete = "complete";
    public const string Failed = "failed";
}
