using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Snapshots;

/// <summary>DeleteSnapshot: the caller's own snapshot (InvalidSnapshot.NotFound otherwise), unless an image that is
/// still registered maps it, which Eucalyptus 4.4 refuses with InvalidSnapshot.InUse (blockstorage
/// SnapshotManager.deleteSnapshot checks the images' block device mappings); a deregistered image no longer holds it.
/// The snapshot's tags go with it.</summary>
public sealed class DeleteSnapshotAction : ICloudAction
{
    public string Name => "DeleteSnapshot";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        string id = SnapshotIds.Snapshot(context.Parameters.GetRequired("SnapshotId"));
        if (context.State.Snapshots.Find(id) is not { } snapshot || snapshot.OwnerId != context.Account.AccountId)
        {
            throw SnapshotErrors.SnapshotNotFound(id);
        }

        ImageRecord? user = context.State.SnapshotImages()
            .FirstOrDefault(i => ImageStates.IsListed(i.State) && i.BlockDeviceMappings.Any(m => m.SnapshotId == id));
        if (user is not null)
        {
            throw new CloudErrorException(400, "InvalidSnapshot.InUse", $"The snapshot {id} is currently in use by {user.ImageId}");
        }

        context.State.Snapshots.Remove(id);
        context.State.Disks.Delete(id);
        context.State.Tags.Delete(context.Account.AccountId, [id], []);
        return Task.FromResult(ActionResponse.Ec2(Name, w => w.WriteElementString("return", "true")));
    }
}
