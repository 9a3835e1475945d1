using Amazon.EC2;
using Amazon.EC2.Model;
using Filter = Amazon.EC2.Model.Filter;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>DescribeImages through the AWS SDK against the default seed (see default-cloud.json): visibility,
/// ImageId/Owner/ExecutableBy, every Eucalyptus filter, errors, hidden states and `verbose`.</summary>
public sealed class DescribeImagesTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private const string InstanceStoreHvm = "emi-1f8e3c5a";
    private const string LongIdImage = "emi-0ba907069cb1845bc";
    private const string EbsHvm = "emi-5a6b7c8d";
    private const string Paravirtual = "emi-7b8c9d0e";
    private const string Windows = "emi-2468ace0";
    private const string AmiFamily = "ami-4d5e6f70";
    private const string Deregistered = "emi-deadbeef";
    private const string Kernel = "eki-6e0f3b1d";
    private const string Ramdisk = "eri-2c9a7d40";
    private const string VendorPublic = "emi-13579bdf";
    private const string VendorShared = "emi-0f1e2d3c";
    private const string VendorPrivate = "emi-aabbccdd";

    [Fact]
    public async Task UserSeesOwnPublicAndSharedImagesOnly()
    {
        List<Image> images = await DescribeAsync(cloud.User(), new DescribeImagesRequest());

        Assert.All(images, i => Assert.True(
            i.OwnerId == DefaultKeys.UserAccountId || i.Public == true || i.ImageId == VendorShared, i.ImageId));
        Assert.Subset(Ids(images), new HashSet<string>
        {
            InstanceStoreHvm, LongIdImage, EbsHvm, Paravirtual, Windows, AmiFamily, Kernel, Ramdisk, VendorPublic, VendorShared,
        });
        Assert.DoesNotContain(VendorPrivate, Ids(images));
        Assert.DoesNotContain(Deregistered, Ids(images));
        Assert.All(images, i => Assert.Equal("available", i.State.Value));
    }

    [Fact]
    public async Task AdminSeesPrivateImagesOfOtherAccountsButNotHiddenStates()
    {
        HashSet<string> ids = Ids(await DescribeAsync(cloud.Admin(), new DescribeImagesRequest()));

        Assert.Contains(VendorPrivate, ids);
        Assert.Contains(EbsHvm, ids);
        Assert.DoesNotContain(Deregistered, ids);
    }

    [Fact]
    public async Task EbsImageFieldsAreParsedBySdk()
    {
        Image image = await SingleAsync(cloud.User(), EbsHvm);

        Assert.Equal(EbsHvm, image.ImageId);
        Assert.Null(image.ImageLocation);
        Assert.Equal(ImageState.Available, image.State);
        Assert.Equal(DefaultKeys.UserAccountId, image.OwnerId);
        Assert.Equal("devteam", image.ImageOwnerAlias);
        Assert.Equal("2021-05-20T08:15:42.000Z", image.CreationDate);
        Assert.False(image.Public);
        Assert.Equal(ArchitectureValues.X86_64, image.Architecture);
        Assert.Equal(ImageTypeValues.Machine, image.ImageType);
        Assert.Equal("centos-7-x86_64-ebs", image.Name);
        Assert.Equal("CentOS 7 web tier, EBS-backed, HVM", image.Description);
        Assert.Equal(DeviceType.Ebs, image.RootDeviceType);
        Assert.Equal("/dev/sda", image.RootDeviceName);
        Assert.Equal(VirtualizationType.Hvm, image.VirtualizationType);
        Assert.Equal("kvm", image.Hypervisor.Value);
        Assert.Equal(2, image.BlockDeviceMappings.Count);
        BlockDeviceMapping root = image.BlockDeviceMappings.Single(m => m.DeviceName == "/dev/sda");
        Assert.Equal(("snap-3e1d2c4b", 10, true, VolumeType.Standard),
            (root.Ebs.SnapshotId, root.Ebs.VolumeSize, root.Ebs.DeleteOnTermination, root.Ebs.VolumeType));
        BlockDeviceMapping ephemeral = image.BlockDeviceMappings.Single(m => m.DeviceName == "/dev/sdb");
        Assert.Equal("ephemeral0", ephemeral.VirtualName);
        Assert.Null(ephemeral.Ebs);
        Assert.Equal(
            new Dictionary<string, string> { ["Name"] = "web-tier-base", ["team"] = "platform" },
            image.Tags.ToDictionary(t => t.Key, t => t.Value));
    }

    [Fact]
    public async Task InstanceStoreKernelRamdiskPlatformAndProductCodeFieldsAreParsedBySdk()
    {
        Image pv = await SingleAsync(cloud.User(), Paravirtual);
        Image windows = await SingleAsync(cloud.User(), Windows);
        Image vendor = await SingleAsync(cloud.User(), VendorPublic);
        Image kernel = await SingleAsync(cloud.User(), Kernel);

        Assert.Equal((Kernel, Ramdisk), (pv.KernelId, pv.RamdiskId));
        Assert.Equal(VirtualizationType.Paravirtual, pv.VirtualizationType);
        Assert.Equal("devteam-images/centos-6-x86_64-pv.img.manifest.xml", pv.ImageLocation);
        Assert.Equal(DeviceType.InstanceStore, pv.RootDeviceType);
        Assert.Equal(PlatformValues.Windows, windows.Platform);
        Assert.Null(pv.Platform);
        Assert.Equal("8fa3c2d1", Assert.Single(vendor.ProductCodes).ProductCodeId);
        Assert.True(vendor.Public);
        Assert.Equal("imagevendor", vendor.ImageOwnerAlias);
        Assert.Equal(ImageTypeValues.Kernel, kernel.ImageType);
        Assert.Equal("eucalyptus", kernel.ImageOwnerAlias);
        Assert.Null(kernel.Tags);
    }

    [Fact]
    public async Task ImagesAreRequestedByIdInBothFamiliesAndLengths()
    {
        List<Image> images = await DescribeAsync(cloud.User(), new DescribeImagesRequest { ImageIds = [LongIdImage, AmiFamily, Kernel] });

        Assert.Equal(new HashSet<string> { LongIdImage, AmiFamily, Kernel }, Ids(images));
    }

    [Fact]
    public async Task UpperCaseIdsAreCanonicalizedToLowerCase()
    {
        Image image = await SingleAsync(cloud.User(), InstanceStoreHvm.ToUpperInvariant());

        Assert.Equal(InstanceStoreHvm, image.ImageId);
    }

    [Theory]
    [InlineData("emi-00000000")]
    [InlineData(VendorPrivate)]
    [InlineData(Deregistered)]
    public async Task InvisibleOrMissingIdIsNotFound(string imageId)
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            cloud.User().DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [InstanceStoreHvm, imageId] }));

        Assert.Equal("InvalidAMIID.NotFound", error.ErrorCode);
        Assert.Contains(imageId, error.Message);
        Assert.DoesNotContain(InstanceStoreHvm, error.Message);
    }

    [Theory]
    [InlineData("emi-1234567")]
    [InlineData("emi-123456789")]
    [InlineData("emi-xyz12345")]
    [InlineData("img-12345678")]
    [InlineData("emi-0ba907069cb1845b")]
    [InlineData("verbose")]
    public async Task MalformedIdIsMalformed(string imageId)
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            cloud.User().DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] }));

        Assert.Equal("InvalidAMIID.Malformed", error.ErrorCode);
        Assert.Contains(imageId, error.Message);
    }

    [Fact]
    public async Task VerboseShowsHiddenStatesToAdmin()
    {
        List<Image> images = await DescribeAsync(cloud.Admin(), new DescribeImagesRequest { ImageIds = ["verbose"] });

        Image deregistered = Assert.Single(images, i => i.ImageId == Deregistered);
        Assert.Equal("deregistered", deregistered.State.Value);
        Assert.Contains(VendorPrivate, Ids(images));
    }

    [Fact]
    public async Task VerboseCombinesWithImageIds()
    {
        List<Image> images = await DescribeAsync(cloud.Admin(), new DescribeImagesRequest { ImageIds = ["verbose", Deregistered] });

        Assert.Equal(Deregistered, Assert.Single(images).ImageId);
    }

    [Fact]
    public async Task OwnerSelfSelectsTheCallersImages()
    {
        List<Image> images = await DescribeAsync(cloud.User(), new DescribeImagesRequest { Owners = ["self"] });

        Assert.All(images, i => Assert.Equal(DefaultKeys.UserAccountId, i.OwnerId));
        Assert.Contains(EbsHvm, Ids(images));
    }

    [Fact]
    public async Task OwnerAliasAndAccountIdSelectThatOwnersVisibleImages()
    {
        List<Image> byAlias = await DescribeAsync(cloud.User(), new DescribeImagesRequest { Owners = ["eucalyptus"] });
        List<Image> byVendorId = await DescribeAsync(cloud.User(), new DescribeImagesRequest { Owners = [DefaultKeys.VendorAccountId] });
        List<Image> combined = await DescribeAsync(cloud.User(), new DescribeImagesRequest { Owners = ["self", "imagevendor"] });

        Assert.All(byAlias, i => Assert.Equal(DefaultKeys.AdminAccountId, i.OwnerId));
        Assert.Contains(Kernel, Ids(byAlias));
        Assert.Equal(new HashSet<string> { VendorPublic, VendorShared }, Ids(byVendorId));
        Assert.All(combined, i => Assert.Contains(i.OwnerId, new[] { DefaultKeys.UserAccountId, DefaultKeys.VendorAccountId }));
        Assert.Contains(VendorShared, Ids(combined));
        Assert.Contains(EbsHvm, Ids(combined));
    }

    [Fact]
    public async Task UnknownOwnerAliasSelectsNothing()
    {
        Assert.Empty(await DescribeAsync(cloud.User(), new DescribeImagesRequest { Owners = ["amazon"] }));
    }

    [Fact]
    public async Task ExecutableByAllSelectsPublicImages()
    {
        List<Image> images = await DescribeAsync(cloud.User(), new DescribeImagesRequest { ExecutableUsers = ["all"] });

        Assert.All(images, i => Assert.True(i.Public));
        Assert.Contains(VendorPublic, Ids(images));
    }

    [Fact]
    public async Task ExecutableBySelfOrAccountIdSelectsExplicitLaunchPermissions()
    {
        List<Image> bySelf = await DescribeAsync(cloud.User(), new DescribeImagesRequest { ExecutableUsers = ["self"] });
        List<Image> byId = await DescribeAsync(cloud.User(), new DescribeImagesRequest { ExecutableUsers = [DefaultKeys.UserAccountId] });
        List<Image> withOwner = await DescribeAsync(cloud.User(),
            new DescribeImagesRequest { ExecutableUsers = ["self", "all"], Owners = [DefaultKeys.VendorAccountId] });

        Assert.Equal(VendorShared, Assert.Single(bySelf).ImageId);
        Assert.Equal(VendorShared, Assert.Single(byId).ImageId);
        Assert.Equal(new HashSet<string> { VendorPublic, VendorShared }, Ids(withOwner));
    }

    public static TheoryData<string, string, string> SingleMatchFilters => new()
    {
        { "block-device-mapping.snapshot-id", "snap-3e1d2c4b", EbsHvm },
        { "block-device-mapping.volume-size", "10", EbsHvm },
        { "block-device-mapping.delete-on-termination", "true", EbsHvm },
        { "block-device-mapping.volume-type", "standard", EbsHvm },
        { "description", "*paravirtual*", Paravirtual },
        { "image-id", "emi-1f8e3c5?", InstanceStoreHvm },
        { "image-type", "ramdisk", Ramdisk },
        { "kernel-id", Kernel, Paravirtual },
        { "ramdisk-id", "eri-*", Paravirtual },
        { "manifest-location", "devteam-windows/*", Windows },
        { "name", "rocky-8-*", AmiFamily },
        { "platform", "windows", Windows },
        { "product-code", "8fa3c2d1", VendorPublic },
        { "root-device-type", "ebs", EbsHvm },
        { "tag:Name", "web-*", EbsHvm },
        { "tag-key", "team", EbsHvm },
        { "tag-value", "legacy-pv", Paravirtual },
    };

    [Theory]
    [MemberData(nameof(SingleMatchFilters))]
    public async Task FilterSelectsTheMatchingImage(string name, string value, string expectedImageId)
    {
        List<Image> images = await DescribeAsync(cloud.User(), WithFilter(name, value));

        Assert.Equal(expectedImageId, Assert.Single(images).ImageId);
    }

    [Fact]
    public async Task FiltersOnSharedValuesSelectEveryMatch()
    {
        List<Image> x86 = await DescribeAsync(cloud.User(), WithFilter("architecture", "x86_64"));
        List<Image> sdb = await DescribeAsync(cloud.User(), WithFilter("block-device-mapping.device-name", "/dev/sdb"));
        List<Image> paravirtual = await DescribeAsync(cloud.User(), WithFilter("virtualization-type", "paravirtual"));
        List<Image> privateImages = await DescribeAsync(cloud.User(), WithFilter("is-public", "false"));
        List<Image> byAlias = await DescribeAsync(cloud.User(), WithFilter("owner-alias", "eucalyptus"));
        List<Image> byOwnerId = await DescribeAsync(cloud.User(), WithFilter("owner-id", DefaultKeys.VendorAccountId));
        List<Image> sda = await DescribeAsync(cloud.User(), WithFilter("root-device-name", "/dev/sda"));
        List<Image> available = await DescribeAsync(cloud.User(), WithFilter("state", "available"));

        Assert.All(x86, i => Assert.Equal(ArchitectureValues.X86_64, i.Architecture));
        Assert.Equal(new HashSet<string> { InstanceStoreHvm, EbsHvm }, Ids(sdb));
        Assert.Equal(new HashSet<string> { Kernel, Ramdisk, Paravirtual }, Ids(paravirtual));
        Assert.All(privateImages, i => Assert.False(i.Public));
        Assert.Contains(VendorShared, Ids(privateImages));
        Assert.Equal(new HashSet<string> { Kernel, Ramdisk, InstanceStoreHvm, LongIdImage }, Ids(byAlias));
        Assert.Equal(new HashSet<string> { VendorPublic, VendorShared }, Ids(byOwnerId));
        Assert.All(sda, i => Assert.Equal("/dev/sda", i.RootDeviceName));
        Assert.Equal((await DescribeAsync(cloud.User(), new DescribeImagesRequest())).Count, available.Count);
    }

    [Fact]
    public async Task FilterValuesAreOredAndFiltersAreAnded()
    {
        List<Image> either = await DescribeAsync(cloud.User(), WithFilter("name", "centos-6-*", "windows-*"));
        var both = new DescribeImagesRequest
        {
            Filters = [new Filter("name", ["centos-*"]), new Filter("root-device-type", ["ebs"])],
        };

        Assert.Equal(new HashSet<string> { Paravirtual, Windows }, Ids(either));
        Assert.Equal(EbsHvm, Assert.Single(await DescribeAsync(cloud.User(), both)).ImageId);
    }

    [Fact]
    public async Task FilterValuesAreCaseSensitive()
    {
        Assert.Empty(await DescribeAsync(cloud.User(), WithFilter("name", "CENTOS-*")));
        Assert.Empty(await DescribeAsync(cloud.User(), WithFilter("platform", "Windows")));
    }

    [Fact]
    public async Task TagsBelongToTheOwnerAccountOnly()
    {
        Image asAdmin = await SingleAsync(cloud.Admin(), EbsHvm);

        Assert.Null(asAdmin.Tags);
        Assert.Empty(await DescribeAsync(cloud.Admin(), WithFilter("tag:Name", "web-tier-base")));
    }

    [Theory]
    [InlineData("hypervisor")]
    [InlineData("product-code.type")]
    [InlineData("state-reason-code")]
    [InlineData("state-reason-message")]
    [InlineData("no-such-filter")]
    public async Task UnsupportedFilterIsInvalidParameterValue(string name)
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().DescribeImagesAsync(WithFilter(name, "x")));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains(name, error.Message);
    }

    private static DescribeImagesRequest WithFilter(string name, params string[] values) =>
        new() { Filters = [new Filter(name, values.ToList())] };

    private static async Task<List<Image>> DescribeAsync(AmazonEC2Client client, DescribeImagesRequest request)
    {
        using (client)
        {
            // SDK v4 returns null, not an empty list, when the set is absent.
            return (await client.DescribeImagesAsync(request)).Images ?? [];
        }
    }

    private static async Task<Image> SingleAsync(AmazonEC2Client client, string imageId) =>
        Assert.Single(await DescribeAsync(client, new DescribeImagesRequest { ImageIds = [imageId] }));

    private static HashSet<string> Ids(IEnumerable<Image> images) => images.Select(i => i.ImageId).ToHashSet();
}
