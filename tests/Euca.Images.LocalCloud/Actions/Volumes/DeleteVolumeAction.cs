using Euca.Images.LocalCloud.Actions.Import;
using Euca.Images.LocalCloud.Actions.Snapshots;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>DeleteVolume: removes one of the caller's volumes, with the checks and error codes of Eucalyptus 4.4
/// (blockstorage/VolumeManager.DeleteVolume): an unknown volume (or another account's) is InvalidVolume.NotFound,
/// and a volume attached to an instance is VolumeInUse. The only attachments this cloud has are the seeded
/// instances' volumes; a terminated instance holds none.</summary>
public sealed class DeleteVolumeAction : ICloudAction
{
    public string Name => "DeleteVolume";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string id = SnapshotIds.Volume(context.Parameters.GetRequired("VolumeId"));
        if (context.State.FindVolume(id)?.OwnerId != context.Account.AccountId)
        {
            throw ImportErrors.VolumeNotFound(id);
        }

        if (AttachedTo(context.State.Instances, id) is { } instance)
        {
            throw VolumeErrors.VolumeInUse(instance.InstanceId);
        }

        if (!context.State.Volumes.Remove(id))
        {
            throw ImportErrors.VolumeNotFound(id);
        }

        context.State.Disks.Delete(id);
        return ActionResponse.Ec2(Name, w => w.WriteElementString("return", "true"));
    }

    private static InstanceRecord? AttachedTo(InstanceTable instances, string volumeId) =>
        instances.SnapshotInstances().FirstOrDefault(i =>
            i.State != InstanceStates.Terminated && i.BlockDeviceMappings.Any(m => m.VolumeId == volumeId));
}
