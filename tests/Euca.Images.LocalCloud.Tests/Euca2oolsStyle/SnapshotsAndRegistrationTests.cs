using System.Xml.Linq;
using Xunit.Abstractions;

namespace Euca.Images.LocalCloud.Tests.Euca2oolsStyle;

/// <summary>DescribeSnapshots' RestorableBy as euca-describe-snapshots uses it, and RegisterImage from a snapshot.</summary>
public sealed class SnapshotsAndRegistrationTests(LocalCloudFixture cloud, ITestOutputHelper output) : IClassFixture<LocalCloudFixture>
{
    private const string OwnSnapshot = "snap-3e1d2c4b";
    private const string SharedSnapshot = "snap-7c8d9e0f";

    private Euca2oolsStyleClient Client() => new(new Uri(cloud.BaseUrl, "services/compute"), output);

    [Fact]
    public async Task OwnerSelfAndRestorableBySelfAreDisjointSoTheMergedListHasEachSnapshotOnce()
    {
        (_, XDocument owned) = await Client().SendAsync("DescribeSnapshots", ("Owner.1", "self"));
        (_, XDocument restorable) = await Client().SendAsync("DescribeSnapshots", ("RestorableBy.1", "self"));

        List<string> ownedIds = SnapshotIds(owned);
        List<string> restorableIds = SnapshotIds(restorable);
        Assert.Contains(OwnSnapshot, ownedIds);
        Assert.Equal([SharedSnapshot], restorableIds);
        List<string> merged = [.. ownedIds, .. restorableIds];
        Assert.Equal(merged.Count, merged.Distinct().Count());
    }

    [Fact]
    public async Task RestorableByAllListsOnlyPublicSnapshotsAndTheSeededImageSnapshotExists()
    {
        (_, XDocument all) = await Client().SendAsync("DescribeSnapshots", ("RestorableBy.1", "all"));
        (int status, XDocument seeded) = await Client().SendAsync("DescribeSnapshots", ("SnapshotId.1", OwnSnapshot));

        Assert.Empty(all.Root!.Child("snapshotSet").Nodes());
        Assert.Equal(200, status);
        XElement snapshot = seeded.Root!.Child("snapshotSet").Items().Single();
        Assert.Equal(("completed", "10"), (snapshot.Child("status").Value, snapshot.Child("volumeSize").Value));
    }

    [Fact]
    public async Task RegisteringASnapshotTakesItsSizeAndChecksThatItExists()
    {
        (int status, XDocument registered) = await Client().SendAsync("RegisterImage", ("Name", "from-snapshot-e2"),
            ("RootDeviceName", "/dev/sda"), ("BlockDeviceMapping.1.DeviceName", "/dev/sda"), ("BlockDeviceMapping.1.Ebs.SnapshotId", OwnSnapshot));
        string imageId = registered.Root!.Child("imageId").Value;
        (_, XDocument described) = await Client().SendAsync("DescribeImages", ("ImageId.1", imageId));

        Assert.Equal(200, status);
        XElement mapping = described.Root!.Child("imagesSet").Items().Single().Child("blockDeviceMapping").Items().Single();
        Assert.Equal((OwnSnapshot, "10"), (mapping.Child("ebs").Child("snapshotId").Value, mapping.Child("ebs").Child("volumeSize").Value));
    }

    [Theory]
    [InlineData("snap-0badf00d", null, "Unable to find snapshot snap-0badf00d")]
    [InlineData(OwnSnapshot, "5", "cannot be smaller than the source snapshot")]
    [InlineData(SharedSnapshot, null, "Snapshot not found snap-7c8d9e0f")]
    public async Task RegisteringRefusesMissingSmallerOrForeignRootSnapshots(string snapshotId, string? size, string message)
    {
        var fields = new List<(string, string)> { ("Name", "bad-snapshot-image"), ("BlockDeviceMapping.1.DeviceName", "/dev/sda"), ("BlockDeviceMapping.1.Ebs.SnapshotId", snapshotId) };
        if (size is not null)
        {
            fields.Add(("BlockDeviceMapping.1.Ebs.VolumeSize", size));
        }

        (int status, XDocument answer) = await Client().SendAsync("RegisterImage", [.. fields]);

        Assert.Equal((400, "InvalidParameterValue"), (status, answer.ErrorCode()));
        Assert.Contains(message, answer.Descendants("Message").Single().Value);
    }

    private static List<string> SnapshotIds(XDocument answer) =>
        answer.Root!.Child("snapshotSet").Items().Select(i => i.Child("snapshotId").Value).ToList();
}
