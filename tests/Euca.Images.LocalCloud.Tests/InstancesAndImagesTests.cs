using Amazon.EC2;
using Amazon.EC2.Model;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>DescribeInstances and CreateImage through the AWS SDK against the seeded instances.</summary>
public sealed class InstancesAndImagesTests(SteppedCloudFixture cloud) : IClassFixture<SteppedCloudFixture>
{
    private const string EbsRunning = "i-0e1b2c3d";
    private const string EbsStopped = "i-1f2e3d4c";
    private const string StoreLinux = "i-2a3b4c5d";
    private const string StoreWindows = "i-3b4c5d6e";
    private const string Terminated = "i-4c5d6e7f";
    private const string VendorInstance = "i-5d6e7f80";

    [Fact]
    public async Task DescribeInstancesShowsTheCallersInstancesWithTheFieldsTheSdkNeeds()
    {
        var response = await cloud.User().DescribeInstancesAsync(new DescribeInstancesRequest());
        Dictionary<string, Instance> instances = response.Reservations.SelectMany(r => r.Instances).ToDictionary(i => i.InstanceId);

        Assert.Equal(new[] { EbsRunning, EbsStopped, StoreLinux, StoreWindows, Terminated }, instances.Keys.Order());
        Instance ebs = instances[EbsRunning];
        Assert.Equal((InstanceStateName.Running, 16), (ebs.State.Name, ebs.State.Code));
        Assert.Equal(DeviceType.Ebs, ebs.RootDeviceType);
        Assert.Equal("/dev/sda", ebs.RootDeviceName);
        Assert.Equal("emi-5a6b7c8d", ebs.ImageId);
        Assert.Equal(new[] { ("/dev/sda", "vol-1a2b3c4d"), ("/dev/sdc", "vol-2b3c4d5e") }, ebs.BlockDeviceMappings.Select(m => (m.DeviceName, m.Ebs.VolumeId)));
        Assert.Equal(InstanceStateName.Stopped, instances[EbsStopped].State.Name);
        Assert.Equal(DeviceType.InstanceStore, instances[StoreLinux].RootDeviceType);
        Assert.Null(instances[StoreLinux].BlockDeviceMappings);
        Assert.Equal(PlatformValues.Windows, instances[StoreWindows].Platform);
        Assert.Equal(InstanceStateName.Terminated, instances[Terminated].State.Name);
    }

    [Fact]
    public async Task OtherAccountsInstancesAreNotFoundAndMalformedIdsAreRejected()
    {
        var notFound = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [VendorInstance] }));
        Assert.Equal("InvalidInstanceID.NotFound", notFound.ErrorCode);
        var malformed = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-xyz"] }));
        Assert.Equal("InvalidInstanceID.Malformed", malformed.ErrorCode);
    }

    [Fact]
    public async Task CreateImageSnapshotsEveryVolumeAndTheImageBecomesAvailable()
    {
        int reboots = cloud.Host.State.Instances.FindInstance(EbsRunning)!.RebootCount;

        var created = await cloud.User().CreateImageAsync(new CreateImageRequest { InstanceId = EbsRunning, Name = "web-created", Description = "d" });

        Image image = (await cloud.User().DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [created.ImageId] })).Images.Single();
        Assert.Equal(ImageState.Pending, image.State);
        Assert.Equal(DeviceType.Ebs, image.RootDeviceType);
        Assert.Equal(("web-created", "d", "/dev/sda"), (image.Name, image.Description, image.RootDeviceName));
        Assert.Equal(new[] { ("/dev/sda", 10), ("/dev/sdc", 5) }, image.BlockDeviceMappings.Select(m => (m.DeviceName, m.Ebs.VolumeSize ?? 0)));
        var snapshots = await cloud.User().DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = image.BlockDeviceMappings.Select(m => m.Ebs.SnapshotId).ToList() });
        Assert.Equal(new[] { "vol-1a2b3c4d", "vol-2b3c4d5e" }, snapshots.Snapshots.Select(s => s.VolumeId).Order());
        Assert.Equal(reboots + 1, cloud.Host.State.Instances.FindInstance(EbsRunning)!.RebootCount);

        ImageState? state = null;
        for (int i = 0; i < 100 && state != ImageState.Available; i++)
        {
            await Task.Delay(100);
            state = (await cloud.User().DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [created.ImageId] })).Images.Single().State;
        }

        Assert.Equal(ImageState.Available, state);
    }

    [Fact]
    public async Task NoRebootLeavesTheInstanceAlone()
    {
        int reboots = cloud.Host.State.Instances.FindInstance(EbsRunning)!.RebootCount;

        await cloud.User().CreateImageAsync(new CreateImageRequest { InstanceId = EbsRunning, Name = "web-no-reboot", NoReboot = true });

        Assert.Equal(reboots, cloud.Host.State.Instances.FindInstance(EbsRunning)!.RebootCount);
    }

    [Theory]
    [InlineData(StoreLinux, "store-image", "InvalidParameterValue", "not booted from an EBS volume")]
    [InlineData(VendorInstance, "vendor-image", "InvalidInstanceID.NotFound", VendorInstance)]
    [InlineData("instance-1", "bad-id-image", "InvalidParameterValue", "Expected: 'i-...'")]
    [InlineData(EbsStopped, "x", "InvalidAMIName.Malformed", "between 3 and 128")]
    [InlineData(EbsStopped, "centos-7-x86_64-ebs", "InvalidAMIName.Duplicate", "emi-5a6b7c8d")]
    public async Task CreateImageRulesOfEucalyptus(string instanceId, string name, string code, string messagePart)
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().CreateImageAsync(new CreateImageRequest { InstanceId = instanceId, Name = name }));

        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public async Task CreateImageNeedsARunningOrStoppedInstance()
    {
        cloud.Host.State.Instances.UpdateInstance(EbsStopped, i => i with { State = InstanceStates.Stopping });
        try
        {
            var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().CreateImageAsync(new CreateImageRequest { InstanceId = EbsStopped, Name = "stopping-image" }));

            Assert.Equal("IncorrectInstanceState", error.ErrorCode);
            Assert.Contains("is in state stopping", error.Message);
        }
        finally
        {
            cloud.Host.State.Instances.UpdateInstance(EbsStopped, i => i with { State = InstanceStates.Stopped });
        }
    }

    [Fact]
    public async Task MappingsMayNotNameTheRootDeviceOrADeviceInUse()
    {
        var root = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().CreateImageAsync(new CreateImageRequest
        {
            InstanceId = EbsStopped, Name = "bdm-root", BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/sda", VirtualName = "ephemeral0" }],
        }));
        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().CreateImageAsync(new CreateImageRequest
        {
            InstanceId = EbsRunning, Name = "bdm-used", BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/sdc", Ebs = new EbsBlockDevice { VolumeSize = 1 } }],
        }));

        Assert.Equal(("InvalidBlockDeviceMapping", "InvalidBlockDeviceMapping"), (root.ErrorCode, inUse.ErrorCode));
    }
}
