namespace Euca.Images.LocalCloud.Tests;

/// <summary>A clock stopped at one instant (the SigV4 suite signs at 2015-08-30T12:36:00Z).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The real clock shifted, to make a server disagree with the client about the time.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
