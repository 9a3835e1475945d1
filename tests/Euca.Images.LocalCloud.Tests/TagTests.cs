using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>CreateTags, DeleteTags, DescribeTags and the tag filters through the AWS SDK, as Eucalyptus 4.4 keeps
/// tags: per account, on images, snapshots, volumes and instances the caller owns.</summary>
public sealed class TagTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private static List<Tag> Tags(params (string Key, string Value)[] tags) => tags.Select(t => new Tag(t.Key, t.Value)).ToList();

    [Fact]
    public async Task TagsShowOnTheImageAndNarrowDescribeImages()
    {
        using AmazonEC2Client ec2 = cloud.User();
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["emi-7b8c9d0e"], Tags = Tags(("role", "nightly"), ("build", "41")) });

        Image image = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["emi-7b8c9d0e"] })).Images.Single();
        List<Image> tagged = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter("tag:role", ["nightly"])] })).Images;

        Assert.Equal("41", image.Tags.Single(t => t.Key == "build").Value);
        Assert.Equal(["emi-7b8c9d0e"], tagged.Select(i => i.ImageId));
    }

    [Fact]
    public async Task SnapshotsAndVolumesCarryAndFilterByTags()
    {
        using AmazonEC2Client ec2 = cloud.User();
        Snapshot snapshot = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-1a2b3c4d" })).Snapshot;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [snapshot.SnapshotId, "vol-2b3c4d5e"], Tags = Tags(("keep", "yes")) });

        List<Snapshot> snapshots = (await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("tag:keep", ["yes"])] })).Snapshots;
        List<Volume> volumes = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("tag-key", ["keep"])] })).Volumes;

        Assert.Equal([snapshot.SnapshotId], snapshots.Select(s => s.SnapshotId));
        Assert.Equal("yes", snapshots.Single().Tags.Single().Value);
        Assert.Equal(["vol-2b3c4d5e"], volumes.Select(v => v.VolumeId));
    }

    [Fact]
    public async Task DeleteTagsRemovesByKeyOnlyWhereTheValueMatchesAndDescribeTagsListsTheRest()
    {
        using AmazonEC2Client ec2 = cloud.User();
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["emi-2468ace0"], Tags = Tags(("a", "1"), ("b", "2"), ("c", "3")) });

        await ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = ["emi-2468ace0"], Tags = [new Tag { Key = "a" }, new Tag("b", "other")] });
        List<TagDescription> left = (await ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", ["emi-2468ace0"])] })).Tags;

        Assert.Equal([("b", "2", "image"), ("c", "3", "image")], left.Select(t => (t.Key, t.Value, t.ResourceType.Value)));
    }

    [Fact]
    public async Task AnotherAccountsResourceCannotBeTaggedAndItsTagsAreNotSeen()
    {
        using AmazonEC2Client user = cloud.User();
        using AmazonEC2Client vendor = cloud.Client(DefaultKeys.VendorAccessKey, DefaultKeys.VendorSecret);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => vendor.CreateTagsAsync(new CreateTagsRequest { Resources = ["vol-1a2b3c4d"], Tags = Tags(("x", "y")) }));
        await user.CreateTagsAsync(new CreateTagsRequest { Resources = ["vol-3c4d5e6f"], Tags = Tags(("mine", "only")) });

        Assert.Equal("InvalidVolume.NotFound", error.ErrorCode);
        Assert.DoesNotContain((await vendor.DescribeTagsAsync(new DescribeTagsRequest())).Tags ?? [], t => t.Key == "mine");
    }

    [Theory]
    [InlineData("aws:reserved", "v", "InvalidParameterValue")]
    [InlineData("euca:reserved", "v", "InvalidParameterValue")]
    [InlineData("", "v", "InvalidParameterValue")]
    public async Task ReservedOrEmptyKeysAreRefused(string key, string value, string code)
    {
        using AmazonEC2Client ec2 = cloud.User();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["emi-5a6b7c8d"], Tags = Tags((key, value)) }));

        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public async Task MoreThanTenTagsOnAResourceIsTagLimitExceededAndChangesNothing()
    {
        using AmazonEC2Client ec2 = cloud.User();
        List<Tag> eleven = Enumerable.Range(1, 11).Select(i => new Tag("k" + i, "v")).ToList();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["i-2a3b4c5d"], Tags = eleven }));

        Assert.Equal("TagLimitExceeded", error.ErrorCode);
        Assert.Empty((await ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", ["i-2a3b4c5d"])] })).Tags ?? []);
    }

    [Fact]
    public async Task AnIdOfNoTaggableKindIsInvalidId()
    {
        using AmazonEC2Client ec2 = cloud.User();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["bun-12345678"], Tags = Tags(("x", "y")) }));

        Assert.Equal("InvalidID", error.ErrorCode);
    }
}
