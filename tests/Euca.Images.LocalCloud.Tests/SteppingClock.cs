using Amazon.EC2;
using Amazon.Runtime;
using Euca.Images.LocalCloud.Hosting;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>A clock that stands still at its creation time until the test moves it, so time-driven cloud work (bundle
/// tasks, snapshots) is stepped through deterministically however slow the machine is; SigV4 tolerates the shift as
/// long as a test run stays within its 15-minute window.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private readonly DateTimeOffset start = System.GetUtcNow();
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => start + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}

/// <summary>A local cloud of its own (default configuration) on a <see cref="SteppingClock"/>, for test classes
/// that change state or move time.</summary>
public sealed class SteppedCloudFixture : IAsyncLifetime
{
    private readonly SteppingClock clock = new();
    private readonly LocalCloudHost host;
    private Uri baseUrl = null!;

    public SteppedCloudFixture()
    {
        host = new LocalCloudHost(new LocalCloudOptions { Time = clock });
    }

    public LocalCloudHost Host => host;

    public void Advance(TimeSpan by) => clock.Advance(by);

    public AmazonEC2Client User() => Client(DefaultKeys.UserAccessKey, DefaultKeys.UserSecret);

    public AmazonEC2Client Client(string accessKey, string secret) =>
        LocalCloudFixture.CreateClient(new Uri(baseUrl, "services/compute"), new BasicAWSCredentials(accessKey, secret));

    public async Task InitializeAsync() => baseUrl = await host.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();
}
