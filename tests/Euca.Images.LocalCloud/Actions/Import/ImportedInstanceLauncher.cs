using Euca.Images.LocalCloud.Actions.Snapshots;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Instances;
using Euca.Images.LocalCloud.State.Snapshots;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>
/// What Eucalyptus 4.4 does with an ImportInstance task once its disk is a volume (imaging-backend
/// ImagingTaskStateManager.processInstantiatingTasks), one step per call while the task stays `active` with the status
/// message "Launching instance": snapshot the imported volume; when the snapshot is completed, register an EBS image
/// `image-import-i-...` from it (registerEBSImage, with the launch specification's architecture and the platform in
/// lower case) and run one instance of it (runInstances with the instance type, key and zone of the launch
/// specification). The instance boots from a new root volume made from the snapshot and attached at /dev/sda; the
/// imported volume itself stays available, as in Eucalyptus. The task then completes with the instance id, which
/// DescribeInstances knows.
/// </summary>
public static class ImportedInstanceLauncher
{
    public const string LaunchingMessage = "Launching instance";
    private const string RootDevice = "/dev/sda";

    public static ConversionTaskRecord Step(CloudState state, ConversionTaskRecord task, DateTimeOffset now)
    {
        if (task.SnapshotId is null)
        {
            var volume = new State.Volumes.VolumeFacts(task.VolumeId!, task.OwnerId, task.VolumeSize);
            SnapshotRecord started = SnapshotMaker.Start(state, volume, $"Created by ImportInstance({task.ConversionTaskId})", now);
            return task with { SnapshotId = started.SnapshotId, StatusMessage = LaunchingMessage };
        }

        SnapshotRecord? snapshot = state.Snapshots.Find(task.SnapshotId);
        if (snapshot is null)
        {
            return task with { State = ConversionTaskRecord.Cancelled, StatusMessage = "Failed to create snapshot" };
        }

        if (snapshot.At(now).Status != SnapshotStates.Completed)
        {
            return task;
        }

        string imageId = RegisterImage(state, task, snapshot, now);
        string instanceId = Launch(state, task, snapshot, imageId, now);
        return task with { ImageId = imageId, InstanceId = instanceId, State = ConversionTaskRecord.Completed, StatusMessage = "" };
    }

    private static string RegisterImage(CloudState state, ConversionTaskRecord task, SnapshotRecord snapshot, DateTimeOffset now)
    {
        string imageId;
        do
        {
            imageId = ResourceIds.New("emi");
        }
        while (state.FindImage(imageId) is not null);

        state.PutImage(new ImageRecord
        {
            ImageId = imageId,
            OwnerId = task.OwnerId,
            Name = "image-" + task.ConversionTaskId,
            Description = task.Description,
            Architecture = task.Architecture ?? "x86_64",
            Platform = PlatformOf(task),
            RootDeviceType = "ebs",
            RootDeviceName = RootDevice,
            VirtualizationType = "hvm",
            CreationDate = now,
            BlockDeviceMappings =
            [
                new BlockDeviceMappingRecord
                {
                    DeviceName = RootDevice, SnapshotId = snapshot.SnapshotId, VolumeSize = snapshot.VolumeSize,
                    DeleteOnTermination = false, VolumeType = "standard",
                },
            ],
        });
        return imageId;
    }

    private static string Launch(CloudState state, ConversionTaskRecord task, SnapshotRecord snapshot, string imageId, DateTimeOffset now)
    {
        VolumeRecord root = state.Volumes.Create(task.OwnerId, snapshot.VolumeSize, task.AvailabilityZone, snapshot.SnapshotId, now);
        string instanceId;
        do
        {
            instanceId = ResourceIds.New("i");
        }
        while (state.Instances.FindInstance(instanceId) is not null);

        state.Instances.AddInstance(new InstanceRecord
        {
            InstanceId = instanceId,
            OwnerId = task.OwnerId,
            ImageId = imageId,
            State = InstanceStates.Running,
            InstanceType = task.InstanceType ?? "m1.small",
            Architecture = task.Architecture ?? "x86_64",
            RootDeviceType = "ebs",
            RootDeviceName = RootDevice,
            Platform = PlatformOf(task),
            LaunchTime = now,
            AvailabilityZone = task.AvailabilityZone,
            KeyName = task.KeyName,
            BlockDeviceMappings = [new InstanceVolumeRecord { DeviceName = RootDevice, VolumeId = root.VolumeId, DeleteOnTermination = true }],
        });
        return instanceId;
    }

    /// <summary>Eucalyptus stores the platform in lower case and calls Linux images' platform absent.</summary>
    private static string? PlatformOf(ConversionTaskRecord task) =>
        string.Equals(task.Platform, "windows", StringComparison.OrdinalIgnoreCase) ? "windows" : null;
}
