using Amazon.EC2;
using Amazon.EC2.Model;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>DeregisterImage's two phases and the image attribute actions.</summary>
public sealed class ImageLifecycleTests(LifecycleCloudFixture cloud) : IClassFixture<LifecycleCloudFixture>
{
    private async Task<string> RegisterEbsAsync(AmazonEC2Client client, string name) =>
        (await client.RegisterImageAsync(new RegisterImageRequest
        {
            Name = name,
            Description = "first",
            BlockDeviceMappings = [new() { DeviceName = "/dev/sda", Ebs = new EbsBlockDevice { SnapshotId = "snap-3e1d2c4b", VolumeSize = 12 } }, new() { DeviceName = "/dev/sdb", VirtualName = "ephemeral0" }],
        })).ImageId;

    private static async Task<string> ErrorCodeAsync(Func<Task> call) =>
        (await Assert.ThrowsAsync<AmazonEC2Exception>(call)).ErrorCode;

    [Fact]
    public async Task DeregisterHidesThenDeletes()
    {
        using AmazonEC2Client user = cloud.User();
        using AmazonEC2Client admin = cloud.Admin();
        string id = await RegisterEbsAsync(user, "dereg-1");

        await user.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });
        Assert.Equal("InvalidAMIID.NotFound", await ErrorCodeAsync(() => user.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] })));
        var hidden = await admin.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["verbose", id] });
        Assert.Equal("deregistered", hidden.Images.Single().State.Value);

        await user.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });
        Assert.Null(cloud.Host.State.FindImage(id));
        Assert.Equal("InvalidAMIID.NotFound", await ErrorCodeAsync(() => user.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id })));
    }

    [Fact]
    public async Task FailedImagesAreDeletedAtOnce()
    {
        using AmazonEC2Client user = cloud.User();
        string id = await RegisterEbsAsync(user, "failed-1");
        cloud.Host.State.UpdateImage(id, i => i with { State = "failed" });

        await user.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id });

        Assert.Null(cloud.Host.State.FindImage(id));
    }

    [Fact]
    public async Task OnlyOwnerOrAdminMayDeregisterOrTouchAttributes()
    {
        using AmazonEC2Client user = cloud.User();
        using AmazonEC2Client vendor = cloud.Vendor();
        using AmazonEC2Client admin = cloud.Admin();
        string id = await RegisterEbsAsync(user, "owned-1");

        Assert.Equal("AuthFailure", await ErrorCodeAsync(() => vendor.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id })));
        Assert.Equal("AuthFailure", await ErrorCodeAsync(() => vendor.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "description" })));
        Assert.Equal("AuthFailure", await ErrorCodeAsync(() => vendor.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = id, Description = "x" })));
        Assert.Equal("AuthFailure", await ErrorCodeAsync(() => vendor.ResetImageAttributeAsync(new ResetImageAttributeRequest { ImageId = id, Attribute = "launchPermission" })));
        Assert.Equal("first", (await admin.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "description" })).ImageAttribute.Description);
        Assert.Equal("InvalidAMIID.Malformed", await ErrorCodeAsync(() => user.DeregisterImageAsync(new DeregisterImageRequest { ImageId = "ami-xyz" })));
    }

    [Fact]
    public async Task LaunchPermissionsAddRemoveAndReset()
    {
        using AmazonEC2Client user = cloud.User();
        using AmazonEC2Client vendor = cloud.Vendor();
        string id = await RegisterEbsAsync(user, "perm-1");

        await user.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = id,
            LaunchPermission = new LaunchPermissionModifications { Add = [new() { Group = PermissionGroup.All }, new() { UserId = DefaultKeys.VendorAccountId }] },
        });
        var added = (await user.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "launchPermission" })).ImageAttribute;
        Assert.Equal(["all"], added.LaunchPermissions.Where(p => p.Group is not null).Select(p => p.Group.Value));
        Assert.Equal([DefaultKeys.VendorAccountId], added.LaunchPermissions.Where(p => p.UserId is not null).Select(p => p.UserId));
        Assert.True((await vendor.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [id] })).Images.Single().Public);

        await user.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = id,
            LaunchPermission = new LaunchPermissionModifications { Remove = [new() { Group = PermissionGroup.All }] },
        });
        Assert.False(cloud.Host.State.FindImage(id)!.IsPublic);
        Assert.Contains(DefaultKeys.VendorAccountId, cloud.Host.State.FindImage(id)!.LaunchPermissions);

        await user.ResetImageAttributeAsync(new ResetImageAttributeRequest { ImageId = id, Attribute = "launchPermission" });
        Assert.Null((await user.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "launchPermission" })).ImageAttribute.LaunchPermissions);
        Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(() => user.ResetImageAttributeAsync(new ResetImageAttributeRequest { ImageId = id, Attribute = "kernel" })));
    }

    [Fact]
    public async Task ModifyChecksAccountsAndGroups()
    {
        using AmazonEC2Client user = cloud.User();
        string id = await RegisterEbsAsync(user, "perm-2");

        Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(() => user.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = id, LaunchPermission = new LaunchPermissionModifications { Add = [new() { UserId = "999999999999" }] },
        })));
        Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(() => user.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = id, LaunchPermission = new LaunchPermissionModifications { Add = [new() { UserId = "12345" }] },
        })));
        Assert.Equal("MissingParameter", await ErrorCodeAsync(() => user.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = id })));
    }

    [Fact]
    public async Task ProductCodesAreAddOnlyAndDescriptionChanges()
    {
        using AmazonEC2Client user = cloud.User();
        string id = await RegisterEbsAsync(user, "codes-1");

        await user.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = id, ProductCodes = ["8fa3c2d1"] });
        await user.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = id, ProductCodes = ["aaaa1111"] });
        await user.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = id, Description = "second" });

        var codes = (await user.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "productCodes" })).ImageAttribute;
        Assert.Equal(["8fa3c2d1", "aaaa1111"], codes.ProductCodes.Select(c => c.ProductCodeId));
        Assert.Equal("second", (await user.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = id, Attribute = "description" })).ImageAttribute.Description);
    }

    [Fact]
    public async Task KernelRamdiskAndBlockDeviceMappingAreDescribed()
    {
        using AmazonEC2Client user = cloud.User();
        string ebs = await RegisterEbsAsync(user, "bdm-1");

        var pv = (await user.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = "emi-7b8c9d0e", Attribute = "kernel" })).ImageAttribute;
        var ramdisk = (await user.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = "emi-7b8c9d0e", Attribute = "ramdisk" })).ImageAttribute;
        var bdm = (await user.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = ebs, Attribute = "blockDeviceMapping" })).ImageAttribute;
        var legacy = (await user.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = "emi-7b8c9d0e", Attribute = "blockDeviceMapping" })).ImageAttribute;

        Assert.Equal(("eki-6e0f3b1d", "eri-2c9a7d40"), (pv.KernelId, ramdisk.RamdiskId));
        Assert.Equal(["/dev/sda", "/dev/sda", "/dev/sdb"], bdm.BlockDeviceMappings.Select(m => m.DeviceName));
        Assert.Equal(["emi", "root", "ephemeral0"], bdm.BlockDeviceMappings.Select(m => m.VirtualName));
        Assert.Equal(["emi", "ephemeral0", "swap", "root"], legacy.BlockDeviceMappings.Select(m => m.VirtualName));
        Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(() => user.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = ebs, Attribute = "sriovNetSupport" })));
    }
}
