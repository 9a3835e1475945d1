using Amazon.EC2;
using Amazon.EC2.Model;

namespace Euca.Images.LocalCloud.Tests.Import;

public sealed class VolumeTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task CreateDescribeAndDeleteAVolume()
    {
        using AmazonEC2Client ec2 = cloud.User();

        Volume created = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "one", Size = 3 })).Volume;
        Volume described = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [created.VolumeId] })).Volumes.Single();
        await ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = created.VolumeId });
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [created.VolumeId] }));

        Assert.Matches("^vol-[0-9a-f]{8}$", created.VolumeId);
        Assert.Equal((3, "one", VolumeState.Available, VolumeType.Standard), (described.Size, described.AvailabilityZone, described.State, described.VolumeType));
        Assert.Equal("InvalidVolume.NotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task VolumesBelongToTheirAccount()
    {
        using AmazonEC2Client user = cloud.User();
        using AmazonEC2Client vendor = cloud.Client(DefaultKeys.VendorAccessKey, DefaultKeys.VendorSecret);
        Volume created = (await user.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "one", Size = 1 })).Volume;

        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => vendor.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = created.VolumeId }));
        var zone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => user.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "nowhere", Size = 1 }));

        Assert.Equal("InvalidVolume.NotFound", e.ErrorCode);
        Assert.Equal("InvalidZone.NotFound", zone.ErrorCode);
    }
}
