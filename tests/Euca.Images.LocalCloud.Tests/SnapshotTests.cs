using Amazon.EC2;
using Amazon.EC2.Model;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>CreateSnapshot and DescribeSnapshots through the AWS SDK (1.5 s per snapshot in the default configuration).</summary>
public sealed class SnapshotTests(SteppedCloudFixture cloud) : IClassFixture<SteppedCloudFixture>
{
    [Fact]
    public async Task SnapshotProgressesToCompleted()
    {
        Snapshot created = (await cloud.User().CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-2b3c4d5e", Description = "data" })).Snapshot;
        Assert.Equal((SnapshotState.Pending, "0%", 5, "data"), (created.State, created.Progress, created.VolumeSize ?? 0, created.Description));
        Assert.Equal(DefaultKeys.UserAccountId, created.OwnerId);

        cloud.Advance(TimeSpan.FromSeconds(0.75));
        Snapshot half = (await cloud.User().DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [created.SnapshotId] })).Snapshots.Single();
        cloud.Advance(TimeSpan.FromSeconds(1));
        Snapshot done = (await cloud.User().DescribeSnapshotsAsync(new DescribeSnapshotsRequest { OwnerIds = ["self"] })).Snapshots.Single(s => s.SnapshotId == created.SnapshotId);

        Assert.Equal(SnapshotState.Pending, half.State);
        Assert.InRange(int.Parse(half.Progress.TrimEnd('%')), 40, 60);
        Assert.Equal((SnapshotState.Completed, "100%", "devteam"), (done.State, done.Progress, done.OwnerAlias));
    }

    [Theory]
    [InlineData("vol-0badf00d", "InvalidVolume.NotFound")]
    [InlineData("vol-4d5e6f70", "InvalidVolume.NotFound")]
    [InlineData("volume", "InvalidVolumeID.Malformed")]
    public async Task OnlyTheCallersVolumesCanBeSnapshotted(string volumeId, string code)
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volumeId }));

        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public async Task OtherAccountsSnapshotsAreNotFound()
    {
        Snapshot vendors = (await cloud.Client(DefaultKeys.VendorAccessKey, DefaultKeys.VendorSecret)
            .CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-4d5e6f70" })).Snapshot;

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [vendors.SnapshotId] }));

        Assert.Equal("InvalidSnapshot.NotFound", error.ErrorCode);
    }
}
