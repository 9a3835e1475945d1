using Amazon.EC2.Model;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>DescribeAvailabilityZones through the AWS SDK: the zones imports and volumes use, and a name filter.</summary>
public sealed class DescribeAvailabilityZonesTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task ListsTheZoneVolumesAreMadeInAsAvailable()
    {
        using var ec2 = cloud.User();

        AvailabilityZone zone = Assert.Single((await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest())).AvailabilityZones);

        Assert.Equal(("one", "available", "eucalyptus"), (zone.ZoneName, zone.State?.Value, zone.RegionName));
    }

    [Fact]
    public async Task AnUnknownZoneNameIsRefusedAsEucalyptusDoes()
    {
        using var ec2 = cloud.User();

        var error = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() =>
            ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest { ZoneNames = ["two"] }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }
}
