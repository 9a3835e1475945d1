using Amazon.EC2;
using Amazon.EC2.Model;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>DescribeVolumes through the AWS SDK: the seeded instances' disks (in-use, attached) beside volumes made
/// since, the filters Get-EucaVolume sends, and the answer to unknown ids.</summary>
public sealed class DescribeVolumesTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Fact]
    public async Task ASeededVolumeIsInUseAndShowsItsAttachment()
    {
        using AmazonEC2Client ec2 = cloud.User();

        Volume root = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = ["VOL-1A2B3C4D"] })).Volumes.Single();

        Assert.Equal(("vol-1a2b3c4d", 10, "one", VolumeState.InUse), (root.VolumeId, root.Size, root.AvailabilityZone, root.State));
        // Made at launch from the root snapshot of the instance's image emi-5a6b7c8d.
        Assert.Equal("snap-3e1d2c4b", root.SnapshotId);
        Assert.Equal(new DateTime(2024, 2, 1, 10, 0, 0, DateTimeKind.Utc), root.CreateTime?.ToUniversalTime());
        VolumeAttachment attachment = Assert.Single(root.Attachments);
        Assert.Equal(("vol-1a2b3c4d", "i-0e1b2c3d", "/dev/sda", VolumeAttachmentState.Attached, true),
            (attachment.VolumeId, attachment.InstanceId, attachment.Device, attachment.State, attachment.DeleteOnTermination));
    }

    [Fact]
    public async Task ListingHasTheCallersVolumesOnly()
    {
        using AmazonEC2Client ec2 = cloud.User();
        Volume created = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "one", Size = 2 })).Volume;

        List<Volume> volumes = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes;

        string[] ids = volumes.Select(v => v.VolumeId).ToArray();
        Assert.Subset(ids.ToHashSet(), new HashSet<string> { "vol-1a2b3c4d", "vol-2b3c4d5e", "vol-3c4d5e6f", created.VolumeId });
        Assert.DoesNotContain("vol-4d5e6f70", ids);
        Volume described = volumes.Single(v => v.VolumeId == created.VolumeId);
        Assert.Equal((VolumeState.Available, 0, ""), (described.State, described.Attachments?.Count ?? 0, described.SnapshotId ?? ""));
        // The data disk of the running instance, and the root disk of the stopped one: both still attached.
        Assert.Equal(("i-0e1b2c3d", "/dev/sdc", false), Attachment(volumes, "vol-2b3c4d5e"));
        Assert.Equal(("i-1f2e3d4c", "/dev/sda", true), Attachment(volumes, "vol-3c4d5e6f"));
    }

    [Fact]
    public async Task StatusZoneAndAttachmentFiltersNarrowTheList()
    {
        using AmazonEC2Client ec2 = cloud.User();
        Volume created = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "one", Size = 1 })).Volume;

        string[] available = await Ids(ec2, new Filter("status", ["available"]));
        string[] inUse = await Ids(ec2, new Filter("status", ["in-use", "error"]), new Filter("availability-zone", ["one"]));
        string[] elsewhere = await Ids(ec2, new Filter("availability-zone", ["nowhere"]));
        string[] onInstance = await Ids(ec2, new Filter("attachment.instance-id", ["i-0e1b2c3d"]));
        string[] wildcard = await Ids(ec2, new Filter("volume-id", ["vol-?b3c4d5e", "vol-3c*"]));

        Assert.Contains(created.VolumeId, available);
        Assert.DoesNotContain("vol-1a2b3c4d", available);
        Assert.Equal(["vol-1a2b3c4d", "vol-2b3c4d5e", "vol-3c4d5e6f"], inUse);
        Assert.Empty(elsewhere);
        Assert.Equal(["vol-1a2b3c4d", "vol-2b3c4d5e"], onInstance);
        Assert.Equal(["vol-2b3c4d5e", "vol-3c4d5e6f"], wildcard);
    }

    [Fact]
    public async Task AnIdTheFiltersExcludeIsLeftOutWithoutError()
    {
        using AmazonEC2Client ec2 = cloud.User();

        var response = await ec2.DescribeVolumesAsync(new DescribeVolumesRequest
        {
            VolumeIds = ["vol-1a2b3c4d", "vol-2b3c4d5e"],
            Filters = [new Filter("attachment.device", ["/dev/sdc"])],
        });

        Assert.Equal("vol-2b3c4d5e", Assert.Single(response.Volumes).VolumeId);
    }

    [Theory]
    [InlineData("vol-0badf00d")]
    [InlineData("vol-4d5e6f70")]
    public async Task OneUnknownIdFailsTheWholeRequestAsOnEc2(string unknown)
    {
        using AmazonEC2Client ec2 = cloud.User();

        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = ["vol-1a2b3c4d", unknown] }));

        Assert.Equal(("InvalidVolume.NotFound", $"The volume '{unknown}' does not exist."), (e.ErrorCode, e.Message));
    }

    [Theory]
    [InlineData("state", "InvalidParameterValue")]
    public async Task AnUnknownFilterIsRefused(string name, string code)
    {
        using AmazonEC2Client ec2 = cloud.User();

        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter(name, ["x"])] }));

        Assert.Equal(code, e.ErrorCode);
        Assert.Contains(name, e.Message);
    }

    private static (string, string, bool) Attachment(IEnumerable<Volume> volumes, string volumeId)
    {
        VolumeAttachment attachment = volumes.Single(v => v.VolumeId == volumeId).Attachments.Single();
        return (attachment.InstanceId, attachment.Device, attachment.DeleteOnTermination ?? false);
    }

    private static async Task<string[]> Ids(AmazonEC2Client ec2, params Filter[] filters) =>
        ((await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [.. filters] })).Volumes ?? [])
            .Select(v => v.VolumeId).Order(StringComparer.Ordinal).ToArray();
}
