using Euca.Images.LocalCloud.Actions.Import;
using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>DeleteVolume (minimal): removes one of the caller's volumes.</summary>
public sealed class DeleteVolumeAction : ICloudAction
{
    public string Name => "DeleteVolume";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string id = context.Parameters.GetRequired("VolumeId");
        if (context.State.Volumes.Find(id)?.OwnerId != context.Account.AccountId || !context.State.Volumes.Remove(id))
        {
            throw ImportErrors.VolumeNotFound(id);
        }

        return ActionResponse.Ec2(Name, w => w.WriteElementString("return", "true"));
    }
}
