using System.Security.Cryptography;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>RegisterImage rules of the local cloud (see RegisterImageAction for the Eucalyptus sources).</summary>
public sealed class RegisterImageTests(LifecycleCloudFixture cloud) : IClassFixture<LifecycleCloudFixture>
{
    private static async Task<string> ErrorCodeAsync(Func<Task> call) =>
        (await Assert.ThrowsAsync<AmazonEC2Exception>(call)).ErrorCode;

    private async Task<Image> DescribeAsync(AmazonEC2Client client, string id) =>
        (await client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] })).Images.Single();

    [Fact]
    public async Task SignedManifestOfTheCallerRegistersPendingThenAvailable()
    {
        string location = cloud.PutSigned("hvm-ok.img.manifest.xml");
        using AmazonEC2Client user = cloud.User();

        string id = (await user.RegisterImageAsync(new RegisterImageRequest { Name = "hvm-ok", ImageLocation = location, Description = "d1" })).ImageId;

        Assert.Matches("^emi-[0-9a-f]{8}$", id);
        Image image = await DescribeAsync(user, id);
        Assert.Equal((ImageState.Pending, "hvm-ok", "d1", location), (image.State, image.Name, image.Description, image.ImageLocation));
        Assert.Equal((DefaultKeys.UserAccountId, VirtualizationType.Hvm, DeviceType.InstanceStore), (image.OwnerId, image.VirtualizationType, image.RootDeviceType));
        Assert.Equal(ArchitectureValues.X86_64, image.Architecture);
        await Task.Delay(1500);
        Assert.Equal(ImageState.Available, (await DescribeAsync(user, id)).State);
    }

    [Fact]
    public async Task ManifestOfAnotherAccountIsNotAccessible()
    {
        string location = cloud.PutSigned("other-user.img.manifest.xml", user: DefaultKeys.VendorAccountId);
        using AmazonEC2Client user = cloud.User();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "other", ImageLocation = location }));

        Assert.Equal(("AuthFailure", 400), (error.ErrorCode, (int)error.StatusCode));
        Assert.Contains("Manifest is not accessible", error.Message);
    }

    [Fact]
    public async Task ForgedSignatureIsInvalidManifest()
    {
        using RSA stranger = RSA.Create(2048);
        string location = cloud.PutSigned("forged.img.manifest.xml", signer: stranger);
        using AmazonEC2Client user = cloud.User();

        Assert.Equal("InvalidManifest", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "forged", ImageLocation = location })));
    }

    [Fact]
    public async Task MissingOrUnparsableManifestIsInvalidManifest()
    {
        cloud.Manifests.Objects["bundles/broken.manifest.xml"] = "<manifest><image>";
        using AmazonEC2Client user = cloud.User();

        Assert.Equal("InvalidManifest", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "missing", ImageLocation = "bundles/none.manifest.xml" })));
        Assert.Equal("InvalidManifest", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "broken", ImageLocation = "bundles/broken.manifest.xml" })));
        Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "noslash", ImageLocation = "x" })));
    }

    [Fact]
    public async Task ImagesOverTheSizeCapAreRefused()
    {
        string location = cloud.PutSigned("huge.img.manifest.xml", size: 2L * 1024 * 1024 * 1024);
        using AmazonEC2Client user = cloud.User();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "huge", ImageLocation = location }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("maximum instance-store image size of 1 GB", error.Message);
    }

    [Theory]
    [InlineData("vmlinuz-5.4.manifest.xml", "", "", "kernel")]
    [InlineData("k-by-type.manifest.xml", "", "<type>kernel</type>", "kernel")]
    [InlineData("k-by-flag.manifest.xml", "<kernel_id>true</kernel_id>", "", "kernel")]
    [InlineData("initrd-5.4.manifest.xml", "", "", "ramdisk")]
    [InlineData("r-by-flag.manifest.xml", "<ramdisk_id>yes</ramdisk_id>", "", "ramdisk")]
    public async Task KernelsAndRamdisksAreDetectedAndAdminOnly(string key, string machineExtra, string imageExtra, string type)
    {
        string userLocation = cloud.PutSigned(key, machineExtra: machineExtra, imageExtra: imageExtra, bucket: "user-bundles");
        using AmazonEC2Client user = cloud.User();
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "k-user", ImageLocation = userLocation }));
        Assert.Equal("AuthFailure", refused.ErrorCode);
        Assert.Contains("Only administrators", refused.Message);

        // The admin account has no certificate of its own: Eucalyptus also tries every account's certificates.
        string adminLocation = cloud.PutSigned(key, user: DefaultKeys.AdminAccountId, machineExtra: machineExtra, imageExtra: imageExtra);
        using AmazonEC2Client admin = cloud.Admin();
        string id = (await admin.RegisterImageAsync(new RegisterImageRequest { Name = "k-admin", ImageLocation = adminLocation })).ImageId;

        Assert.StartsWith(type == "kernel" ? "eki-" : "eri-", id);
        Assert.Equal(type, (await DescribeAsync(admin, id)).ImageType.Value);
    }

    [Fact]
    public async Task WindowsManifestNameMakesAWindowsHvmImage()
    {
        string location = cloud.PutSigned("windows-2019.img.manifest.xml");
        using AmazonEC2Client user = cloud.User();

        string id = (await user.RegisterImageAsync(new RegisterImageRequest { Name = "win", ImageLocation = location })).ImageId;

        Image image = await DescribeAsync(user, id);
        Assert.Equal(("windows", VirtualizationType.Hvm), (image.Platform.Value.ToLowerInvariant(), image.VirtualizationType));
    }

    [Fact]
    public async Task ParavirtualNeedsKernelAndRamdiskThatExist()
    {
        string location = cloud.PutSigned("pv.img.manifest.xml");
        using AmazonEC2Client user = cloud.User();

        Assert.Equal("MissingParameter", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "pv-1", ImageLocation = location, VirtualizationType = "paravirtual", KernelId = "eki-6e0f3b1d" })));
        Assert.Equal("InvalidAMIID.NotFound", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "pv-1", ImageLocation = location, KernelId = "eki-00000000", RamdiskId = "eri-2c9a7d40" })));
        string id = (await user.RegisterImageAsync(new RegisterImageRequest { Name = "pv-1", ImageLocation = location, KernelId = "eki-6e0f3b1d", RamdiskId = "eri-2c9a7d40" })).ImageId;

        Image image = await DescribeAsync(user, id);
        Assert.Equal((VirtualizationType.Paravirtual, "eki-6e0f3b1d", "eri-2c9a7d40"), (image.VirtualizationType, image.KernelId, image.RamdiskId));
    }

    [Fact]
    public async Task ManifestKernelAndRamdiskIdsAreUsed()
    {
        string location = cloud.PutSigned("pv-manifest.img.manifest.xml", machineExtra: "<kernel_id>eki-6e0f3b1d</kernel_id><ramdisk_id>eri-2c9a7d40</ramdisk_id>");
        using AmazonEC2Client user = cloud.User();

        string id = (await user.RegisterImageAsync(new RegisterImageRequest { Name = "pv-m", ImageLocation = location })).ImageId;

        Assert.Equal(VirtualizationType.Paravirtual, (await DescribeAsync(user, id)).VirtualizationType);
    }

    [Fact]
    public async Task EbsRootRemapsSda1AndKeepsMappings()
    {
        using AmazonEC2Client user = cloud.User();

        string id = (await user.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "ebs-ok",
            RootDeviceName = "/dev/sda1",
            BlockDeviceMappings =
            [
                new() { DeviceName = "/dev/sdb", VirtualName = "ephemeral0" },
                new() { DeviceName = "/dev/sda1", Ebs = new EbsBlockDevice { SnapshotId = "snap-3e1d2c4b", VolumeSize = 10 } },
            ],
        })).ImageId;

        Image image = await DescribeAsync(user, id);
        Assert.Equal((DeviceType.Ebs, "/dev/sda", VirtualizationType.Hvm), (image.RootDeviceType, image.RootDeviceName, image.VirtualizationType));
        Assert.Equal("snap-3e1d2c4b", image.BlockDeviceMappings.Single(m => m.DeviceName == "/dev/sda").Ebs.SnapshotId);
    }

    [Theory]
    [InlineData("/dev/sdb1", "ephemeral0", "partition")]
    [InlineData("/dev/nvme0n1", "ephemeral0", "invalid")]
    [InlineData("/dev/sdb", "ephemeral9", "ephemeral[0123]")]
    public async Task BadEbsMappingsAreInvalidParameterValue(string device, string virtualName, string messagePart)
    {
        using AmazonEC2Client user = cloud.User();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => user.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "ebs-bad",
            BlockDeviceMappings =
            [
                new() { DeviceName = device, VirtualName = virtualName },
                new() { DeviceName = "/dev/sda", Ebs = new EbsBlockDevice { SnapshotId = "snap-3e1d2c4b" } },
            ],
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public async Task EbsRulesOnRootEphemeralsAndVirtualization()
    {
        using AmazonEC2Client user = cloud.User();
        BlockDeviceMapping root = new() { DeviceName = "/dev/sda", Ebs = new EbsBlockDevice { SnapshotId = "snap-3e1d2c4b" } };

        Assert.Equal("MissingParameter", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "no-root" })));
        Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "two-ephemerals",
            BlockDeviceMappings = [root, new() { DeviceName = "/dev/sdb", VirtualName = "ephemeral0" }, new() { DeviceName = "/dev/sdc", VirtualName = "ephemeral1" }],
        })));
        Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "ebs-pv", VirtualizationType = "paravirtual", BlockDeviceMappings = [root],
        })));
        Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "x", BlockDeviceMappings = [root] })));
        Assert.Equal("MissingParameter", await ErrorCodeAsync(() => user.RegisterImageAsync(new RegisterImageRequest { Name = "", BlockDeviceMappings = [root] })));
    }

    [Fact]
    public async Task PlatformWindowsIsAcceptedAsAnExtraParameter()
    {
        var (status, document) = await RawQueryClient.PostAsync(new Uri(cloud.BaseUrl, "services/compute"),
            "Action=RegisterImage&Version=2015-10-01&Name=win-ebs&Platform=windows&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fsda&BlockDeviceMapping.1.Ebs.SnapshotId=snap-3e1d2c4b");

        Assert.Equal(200, status);
        string id = document.Descendants().Single(e => e.Name.LocalName == "imageId").Value;
        using AmazonEC2Client user = cloud.User();
        Assert.Equal("windows", cloud.Host.State.FindImage(id)!.Platform);
    }

    [Fact]
    public async Task LongAndAmazonStyleIdsCanBeConfigured()
    {
        await using var host = new Hosting.LocalCloudHost(new Hosting.LocalCloudOptions
        {
            Config = Configuration.CloudConfigLoader.Load(null).Config is var config
                ? new Configuration.CloudConfig { CloudCertificate = config.CloudCertificate, Accounts = config.Accounts, Compute = config.Compute, Registration = new Registration.RegistrationSettings { LongImageIds = true, AmazonImageIdPrefixes = true } }
                : null,
        });
        Uri url = await host.StartAsync();
        using AmazonEC2Client user = LocalCloudFixture.CreateClient(new Uri(url, "services/compute"), new BasicAWSCredentials(DefaultKeys.UserAccessKey, DefaultKeys.UserSecret));

        string id = (await user.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "long-id",
            BlockDeviceMappings = [new() { DeviceName = "/dev/sda", Ebs = new EbsBlockDevice { SnapshotId = "snap-3e1d2c4b" } }],
        })).ImageId;

        Assert.Matches("^ami-[0-9a-f]{17}$", id);
    }
}
