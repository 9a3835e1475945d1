using System.Xml.Linq;
using Xunit.Abstractions;

namespace Euca.Images.LocalCloud.Tests.Euca2oolsStyle;

/// <summary>DescribeInstances in the shape euca-describe-instances reads, and the zone and region discovery calls.</summary>
public sealed class InstancesAndZonesTests(LocalCloudFixture cloud, ITestOutputHelper output) : IClassFixture<LocalCloudFixture>
{
    private Euca2oolsStyleClient Client() => new(new Uri(cloud.BaseUrl, "services/compute"), output);

    [Fact]
    public async Task EachReservationHasItsGroupSetAndEachInstanceItsPlacementNamesAndLaunchIndex()
    {
        (_, XDocument answer) = await Client().SendAsync("DescribeInstances", ("InstanceId.1", "i-0e1b2c3d"), ("InstanceId.2", "i-1f2e3d4c"), ("InstanceId.3", "i-2a3b4c5d"));

        List<XElement> reservations = answer.Root!.Child("reservationSet").Items().ToList();
        Assert.Equal(3, reservations.Count);
        foreach (XElement reservation in reservations)
        {
            XElement group = reservation.Child("groupSet").Items().Single();
            Assert.Equal(("sg-56789012", "default"), (group.Child("groupId").Value, group.Child("groupName").Value));
            XElement instance = reservation.Child("instancesSet").Items().Single();
            Assert.Equal("one", instance.Child("placement").Child("availabilityZone").Value);
            Assert.Equal("0", instance.Child("amiLaunchIndex").Value);
            Assert.Equal("default", instance.Child("groupSet").Items().Single().Child("groupName").Value);
            Assert.NotNull(instance.Child("blockDeviceMapping"));
            Assert.NotNull(instance.Child("productCodes"));
        }

        Dictionary<string, XElement> byId = reservations.Select(r => r.Child("instancesSet").Items().Single()).ToDictionary(i => i.Child("instanceId").Value);
        XElement running = byId["i-0e1b2c3d"];
        Assert.Equal(running.Child("ipAddress").Value, running.Child("dnsName").Value);
        Assert.Equal(running.Child("privateIpAddress").Value, running.Child("privateDnsName").Value);
        Assert.Matches(@"^10\.111\.\d+\.\d+$", running.Child("privateDnsName").Value);
        XElement stopped = byId["i-1f2e3d4c"];
        Assert.Equal(("", ""), (stopped.Child("dnsName").Value, stopped.Child("privateDnsName").Value));
        Assert.Null(stopped.Element(stopped.Name.Namespace + "ipAddress"));
        Assert.Empty(byId["i-2a3b4c5d"].Child("blockDeviceMapping").Nodes());
    }

    [Fact]
    public async Task DescribeAvailabilityZonesListsTheZoneOfTheRegion()
    {
        (int status, XDocument answer) = await Client().SendAsync("DescribeAvailabilityZones");

        Assert.Equal(200, status);
        XElement zone = answer.Root!.Child("availabilityZoneInfo").Items().Single();
        Assert.Equal(("one", "available", "eucalyptus"), (zone.Child("zoneName").Value, zone.Child("zoneState").Value, zone.Child("regionName").Value));
        Assert.Empty(zone.Child("messageSet").Nodes());
    }

    [Fact]
    public async Task AnUnknownZoneIsInvalidAndAFilterThatMatchesNothingGivesAnEmptyList()
    {
        (int status, XDocument unknown) = await Client().SendAsync("DescribeAvailabilityZones", ("ZoneName.1", "two"));
        (_, XDocument filtered) = await Client().SendAsync("DescribeAvailabilityZones", ("Filter.1.Name", "zone-name"), ("Filter.1.Value.1", "t*"));
        (_, XDocument badFilter) = await Client().SendAsync("DescribeAvailabilityZones", ("Filter.1.Name", "colour"), ("Filter.1.Value.1", "x"));

        Assert.Equal((400, "InvalidParameterValue"), (status, unknown.ErrorCode()));
        Assert.Contains("Invalid availability zone: [two]", unknown.Descendants("Message").Single().Value);
        Assert.Empty(filtered.Root!.Child("availabilityZoneInfo").Nodes());
        Assert.Equal("InvalidParameterValue", badFilter.ErrorCode());
    }

    [Fact]
    public async Task DescribeRegionsGivesTheComputeEndpointTheClientUsed()
    {
        (_, XDocument answer) = await Client().SendAsync("DescribeRegions");
        (_, XDocument other) = await Client().SendAsync("DescribeRegions", ("RegionName.1", "us-east-1"));

        XElement region = answer.Root!.Child("regionInfo").Items().Single();
        Assert.Equal("eucalyptus", region.Child("regionName").Value);
        Assert.Equal(new Uri(cloud.BaseUrl, "services/compute").ToString(), region.Child("regionEndpoint").Value);
        Assert.Empty(other.Root!.Child("regionInfo").Nodes());
    }
}
