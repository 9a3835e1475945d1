using System.Text.RegularExpressions;
using Euca.Images.LocalCloud.Actions.Snapshots;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Instances;
using Euca.Images.LocalCloud.State.Snapshots;
using Euca.Images.LocalCloud.State.Volumes;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>CreateImage as Eucalyptus 4.4 ImageManager.createImage checks it: a valid, unused name; a description
/// under 256 characters; an instance of the caller that boots from EBS and is running or stopped; block device
/// mappings that do not name the root device or a device already in use. It snapshots every attached volume and
/// registers a `pending` image that turns `available` after <see cref="ComputeTiming.Image"/>. Without NoReboot a
/// running instance is rebooted (counted in <see cref="InstanceRecord.RebootCount"/>).</summary>
public sealed partial class CreateImageAction : ICloudAction
{
    private const int MaxDescriptionLength = 255;

    public string Name => "CreateImage";

    public CloudService Service => CloudService.Compute;

    [GeneratedRegex(@"^[A-Za-z0-9()./_-]{3,128}$")]
    private static partial Regex ImageNamePattern();

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string name = context.Parameters.Get("Name") ?? "";
        string? description = context.Parameters.Get("Description");
        CheckNameAndDescription(context, name, description);

        string instanceId = InstanceIdOf(context.Parameters.GetRequired("InstanceId"));
        InstanceRecord instance = DescribeInstancesAction.FindOwned(context, instanceId);
        if (!instance.IsEbsBacked)
        {
            // Eucalyptus raises a plain EucalyptusCloudException here; InvalidParameterValue is the closest EC2 code.
            throw CloudErrors.InvalidParameterValue("Cannot create an image from an instance which is not booted from an EBS volume");
        }

        if (instance.State is not (InstanceStates.Running or InstanceStates.Stopped))
        {
            throw InstanceErrors.IncorrectInstanceState(
                $"Cannot create an image from an instance which is not in either the 'running' or 'stopped' state: {instance.InstanceId} is in state {instance.State}");
        }

        List<BlockDeviceMappingRecord> extraMappings = ExtraMappings(context, instance);
        bool noReboot = string.Equals(context.Parameters.Get("NoReboot"), "true", StringComparison.OrdinalIgnoreCase);
        DateTimeOffset now = context.Time.GetUtcNow();
        string imageId = ResourceIds.New("emi");
        var mappings = new List<BlockDeviceMappingRecord>();
        foreach (InstanceVolumeRecord attached in instance.BlockDeviceMappings)
        {
            VolumeFacts volume = context.State.FindVolume(attached.VolumeId)
                ?? throw new InvalidOperationException($"Volume {attached.VolumeId} of {instance.InstanceId} is missing.");
            SnapshotRecord snapshot = SnapshotMaker.Start(context.State, volume,
                $"Created by CreateImage({instance.InstanceId}) for {imageId} from {volume.VolumeId}", now);
            mappings.Add(new BlockDeviceMappingRecord
            {
                DeviceName = attached.DeviceName,
                SnapshotId = snapshot.SnapshotId,
                VolumeSize = volume.SizeGiB,
                DeleteOnTermination = attached.DeleteOnTermination,
                VolumeType = "standard",
            });
        }

        mappings.AddRange(extraMappings);
        context.State.PutImage(new ImageRecord
        {
            ImageId = imageId,
            OwnerId = context.Account.AccountId,
            Name = name,
            Description = description,
            Architecture = instance.Architecture,
            Platform = instance.Platform,
            State = ImageStates.Pending,
            CreationDate = now,
            RootDeviceType = "ebs",
            RootDeviceName = instance.RootDeviceName,
            VirtualizationType = instance.VirtualizationType,
            BlockDeviceMappings = mappings,
        });
        if (!noReboot && instance.State == InstanceStates.Running)
        {
            context.State.Instances.UpdateInstance(instance.InstanceId, i => i with { RebootCount = i.RebootCount + 1 });
        }

        MakeAvailableLater(context, imageId);
        return ActionResponse.Ec2(Name, w => w.WriteElementString("imageId", imageId));
    }

    private static void CheckNameAndDescription(ActionContext context, string name, string? description)
    {
        if (!ImageNamePattern().IsMatch(name))
        {
            throw InstanceErrors.ImageNameMalformed();
        }

        ImageRecord? duplicate = context.State.SnapshotImages().FirstOrDefault(i =>
            i.OwnerId == context.Account.AccountId && i.Name == name && i.State is ImageStates.Pending or ImageStates.Available);
        if (duplicate is not null)
        {
            throw InstanceErrors.ImageNameDuplicate(name, duplicate.ImageId);
        }

        if (description is { Length: > MaxDescriptionLength })
        {
            throw new CloudErrorException(400, "InvalidParameter", "AMI descriptions must be less than 256 characters long");
        }
    }

    private static string InstanceIdOf(string value)
    {
        try
        {
            return InstanceIds.Instance(value);
        }
        catch (CloudErrorException)
        {
            // CreateImage reports a malformed id differently from the instance actions (ImageManager.normalizeInstanceIdentifier).
            throw CloudErrors.InvalidParameterValue($"Value ({value}) for parameter instanceId is invalid. Expected: 'i-...'.");
        }
    }

    /// <summary>BlockDeviceMapping.N: ephemeral (VirtualName), new EBS volumes, or suppressions (NoDevice). The
    /// root device and devices the instance already uses may not be named.</summary>
    private static List<BlockDeviceMappingRecord> ExtraMappings(ActionContext context, InstanceRecord instance)
    {
        var used = instance.BlockDeviceMappings.Select(m => m.DeviceName).ToHashSet(StringComparer.Ordinal);
        var mappings = new List<BlockDeviceMappingRecord>();
        foreach (QueryParameters mapping in context.Parameters.GetStructList("BlockDeviceMapping"))
        {
            string device = mapping.GetRequired("DeviceName");
            if (device == instance.RootDeviceName)
            {
                throw InstanceErrors.InvalidBlockDeviceMapping("The device names should not contain root device");
            }

            if (mapping.Get("NoDevice") is not null)
            {
                continue;
            }

            if (!used.Add(device))
            {
                throw InstanceErrors.InvalidBlockDeviceMapping("Can't add new block device mapping with a device name that is already in use");
            }

            mappings.Add(new BlockDeviceMappingRecord
            {
                DeviceName = device,
                VirtualName = mapping.Get("VirtualName"),
                SnapshotId = mapping.Get("Ebs.SnapshotId"),
                VolumeSize = int.TryParse(mapping.Get("Ebs.VolumeSize"), out int size) ? size : null,
                DeleteOnTermination = mapping.Get("Ebs.DeleteOnTermination") is { } delete ? delete == "true" : null,
            });
        }

        return mappings;
    }

    /// <summary>The image turns available once its snapshots are done; a timer on the server's clock does it so
    /// DescribeImages (which knows nothing of CreateImage) sees the change.</summary>
    private static void MakeAvailableLater(ActionContext context, string imageId)
    {
        CloudState state = context.State;
        _ = Task.Delay(state.Timing.Image, context.Time).ContinueWith(
            _ => state.UpdateImage(imageId, i => i.State == ImageStates.Pending ? i with { State = ImageStates.Available } : i),
            TaskScheduler.Default);
    }
}
