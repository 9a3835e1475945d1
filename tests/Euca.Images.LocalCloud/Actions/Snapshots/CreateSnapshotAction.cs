using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Snapshots;
using Euca.Images.LocalCloud.State.Volumes;

namespace Euca.Images.LocalCloud.Actions.Snapshots;

/// <summary>CreateSnapshot of one of the caller's volumes; the snapshot starts `pending` and completes after
/// <see cref="State.ComputeTiming.Snapshot"/>.</summary>
public sealed class CreateSnapshotAction : ICloudAction
{
    private const int MaxDescriptionLength = 255;

    public string Name => "CreateSnapshot";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string volumeId = SnapshotIds.Volume(context.Parameters.GetRequired("VolumeId"));
        string? description = context.Parameters.Get("Description");
        if (description is { Length: > MaxDescriptionLength })
        {
            throw CloudErrors.InvalidParameterValue($"Value for parameter Description is too long (more than {MaxDescriptionLength} characters).");
        }

        VolumeFacts volume = context.State.FindVolume(volumeId) is { } found
            && (found.OwnerId == context.Account.AccountId || context.Account.IsAdmin)
                ? found
                : throw SnapshotErrors.VolumeNotFound(volumeId);
        DateTimeOffset now = context.Time.GetUtcNow();
        SnapshotRecord snapshot = SnapshotMaker.Start(context.State, volume, description, now);
        return ActionResponse.Ec2(Name, w => SnapshotXml.Write(w, snapshot, now, ownerAlias: null));
    }
}
