using Amazon.EC2;
using Amazon.Runtime;
using Euca.Images.LocalCloud.Hosting;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>The real clock plus an offset the test moves forward, so time-driven cloud work (bundle tasks,
/// snapshots) can be stepped through without waiting; SigV4 tolerates the small shifts.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

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
