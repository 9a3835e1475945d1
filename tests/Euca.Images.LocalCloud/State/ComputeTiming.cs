namespace Euca.Images.LocalCloud.State;

/// <summary>How fast the simulated background work runs. Real clouds take minutes; tests want seconds (Pester,
/// through the default configuration) or a clock they move themselves (xunit).</summary>
public sealed record ComputeTiming
{
    /// <summary>How long a bundle task stays in each of pending, waiting-for-shutdown and bundling; storing takes
    /// two steps and reports its progress.</summary>
    public TimeSpan BundleStep { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>From CreateSnapshot to completed.</summary>
    public TimeSpan Snapshot { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>From CreateImage to an available image.</summary>
    public TimeSpan Image { get; init; } = TimeSpan.FromSeconds(2);
}
