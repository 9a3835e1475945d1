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
    public async Task AnUnknownZoneNameGivesAnEmptyListAsEucalyptusDoes()
    {
        using var ec2 = cloud.User();

        var response = await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest { ZoneNames = ["two"] });

        Assert.Empty(response.AvailabilityZones ?? []);
    }
}
