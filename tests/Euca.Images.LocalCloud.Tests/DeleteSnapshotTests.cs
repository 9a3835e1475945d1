using Amazon.EC2;
using Amazon.EC2.Model;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>DeleteSnapshot through the AWS SDK: the caller's snapshot goes, one a registered image maps is
/// InvalidSnapshot.InUse until the image is deregistered, another account's is InvalidSnapshot.NotFound.</summary>
public sealed class DeleteSnapshotTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task ASnapshotARegisteredImageMapsIsInUseUntilTheImageIsDeregistered()
    {
        using AmazonEC2Client ec2 = cloud.User();
        Snapshot snapshot = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-1a2b3c4d" })).Snapshot;
        string imageId = (await ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "uses-snapshot",
            RootDeviceName = "/dev/sda",
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/sda", Ebs = new EbsBlockDevice { SnapshotId = snapshot.SnapshotId } }],
        })).ImageId;

        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.SnapshotId }));
        await ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = imageId });
        await ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.SnapshotId });
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshot.SnapshotId] }));

        Assert.Equal("InvalidSnapshot.InUse", inUse.ErrorCode);
        Assert.Contains(imageId, inUse.Message);
        Assert.Equal("InvalidSnapshot.NotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task AnotherAccountsSnapshotIsNotFound()
    {
        using AmazonEC2Client user = cloud.User();
        using AmazonEC2Client vendor = cloud.Client(DefaultKeys.VendorAccessKey, DefaultKeys.VendorSecret);
        Snapshot snapshot = (await user.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-1a2b3c4d" })).Snapshot;

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => vendor.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.SnapshotId }));

        Assert.Equal("InvalidSnapshot.NotFound", error.ErrorCode);
    }
}
