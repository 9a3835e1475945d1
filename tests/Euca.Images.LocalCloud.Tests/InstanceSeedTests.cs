using Euca.Images.LocalCloud.Configuration;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Tests;

public sealed class InstanceSeedTests
{
    private static readonly HashSet<string> Accounts = [DefaultKeys.UserAccountId];

    [Theory]
    [InlineData(null)]
    [InlineData(InstanceStates.Terminated)]
    public void ASeedVolumeMustBeTheDiskOfALiveInstance(string? instanceState)
    {
        var volume = new SeedVolumeConfig { VolumeId = "vol-0a0b0c0d", OwnerId = DefaultKeys.UserAccountId, Size = 1 };
        List<InstanceRecord> instances = instanceState is null ? [] :
        [
            new InstanceRecord
            {
                InstanceId = "i-0a0b0c0d", OwnerId = DefaultKeys.UserAccountId, State = instanceState,
                BlockDeviceMappings = [new InstanceVolumeRecord { DeviceName = "/dev/sdb", VolumeId = volume.VolumeId }],
            },
        ];

        var e = Assert.Throws<InvalidDataException>(() => InstanceSeed.Create(new ComputeConfig { Volumes = [volume], Instances = instances }, Accounts));

        Assert.Contains("vol-0a0b0c0d", e.Message);
    }

    [Fact]
    public void AVolumeAttachedToARunningInstanceIsAccepted()
    {
        var volume = new SeedVolumeConfig { VolumeId = "vol-0a0b0c0d", OwnerId = DefaultKeys.UserAccountId, Size = 1 };
        var instance = new InstanceRecord
        {
            InstanceId = "i-0a0b0c0d", OwnerId = DefaultKeys.UserAccountId,
            BlockDeviceMappings = [new InstanceVolumeRecord { DeviceName = "/dev/sdb", VolumeId = volume.VolumeId }],
        };

        (InstanceTable table, var lookup) = InstanceSeed.Create(new ComputeConfig { Volumes = [volume], Instances = [instance] }, Accounts);

        Assert.Equal("i-0a0b0c0d", Assert.Single(table.SnapshotInstances()).InstanceId);
        Assert.Equal(1, lookup.Find("vol-0a0b0c0d")?.SizeGiB);
    }
}
