using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Instances;
using Euca.Images.LocalCloud.State.Snapshots;

namespace Euca.Images.LocalCloud.Configuration;

/// <summary>The `compute` section: seeded instances, the volumes attached to them, seeded snapshots, and how fast simulated
/// background work (bundle tasks, snapshots, CreateImage) runs.</summary>
public sealed class ComputeConfig
{
    public ComputeTimingConfig Timing { get; init; } = new();

    public List<SeedVolumeConfig> Volumes { get; init; } = [];

    public List<InstanceRecord> Instances { get; init; } = [];

    /// <summary>Completed snapshots that exist before the cloud starts (the seeded EBS image's root snapshot, ...).</summary>
    public List<SnapshotRecord> Snapshots { get; init; } = [];
}

/// <summary>Durations in seconds (fractions allowed; 0 finishes at once).</summary>
public sealed class ComputeTimingConfig
{
    public double BundleStepSeconds { get; init; } = 1;

    public double SnapshotSeconds { get; init; } = 2;

    public double ImageSeconds { get; init; } = 2;

    public ComputeTiming ToTiming() => new()
    {
        BundleStep = TimeSpan.FromSeconds(BundleStepSeconds),
        Snapshot = TimeSpan.FromSeconds(SnapshotSeconds),
        Image = TimeSpan.FromSeconds(ImageSeconds),
    };
}

public sealed class SeedVolumeConfig
{
    public string VolumeId { get; init; } = "";

    public string OwnerId { get; init; } = "";

    public int Size { get; init; }
}
