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

    [Theory]
    [InlineData("vol-1a2b3c4d", "i-0e1b2c3d")]
    [InlineData("vol-3c4d5e6f", "i-1f2e3d4c")]
    public async Task AVolumeAttachedToAnInstanceIsInUse(string volumeId, string instanceId)
    {
        using AmazonEC2Client ec2 = cloud.User();

        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volumeId }));
        var again = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volumeId }));

        Assert.Equal(("VolumeInUse", $"Volume is currently attached to: {instanceId}"), (e.ErrorCode, e.Message));
        Assert.Equal("VolumeInUse", again.ErrorCode);
    }

    [Theory]
    [InlineData("vol-0badf00d", "InvalidVolume.NotFound")]
    [InlineData("vol-4d5e6f70", "InvalidVolume.NotFound")]
    [InlineData("volume", "InvalidVolumeID.Malformed")]
    public async Task DeletingAnUnknownOrAnotherAccountsVolumeFails(string volumeId, string code)
    {
        using AmazonEC2Client ec2 = cloud.User();

        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volumeId }));

        Assert.Equal(code, e.ErrorCode);
    }

    [Fact]
    public async Task AVolumeCanBeDeletedOnce()
    {
        using AmazonEC2Client ec2 = cloud.User();
        Volume created = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "one", Size = 1 })).Volume;

        await ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = created.VolumeId.ToUpperInvariant() });
        var again = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = created.VolumeId }));

        Assert.Equal(("InvalidVolume.NotFound", $"The volume '{created.VolumeId}' does not exist."), (again.ErrorCode, again.Message));
    }
}
