using Euca.Images.LocalCloud.Actions.Import;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>DescribeVolumes (minimal): the caller's volumes, or those named by VolumeId.N.</summary>
public sealed class DescribeVolumesAction : ICloudAction
{
    public string Name => "DescribeVolumes";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        IReadOnlyList<string> ids = context.Parameters.GetList("VolumeId");
        IReadOnlyList<VolumeRecord> owned = context.State.Volumes.OwnedBy(context.Account.AccountId);
        foreach (string id in ids.Where(id => owned.All(v => v.VolumeId != id)))
        {
            throw ImportErrors.VolumeNotFound(id);
        }

        var selected = owned.Where(v => ids.Count == 0 || ids.Contains(v.VolumeId)).ToList();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("volumeSet", selected, VolumeXml.Write));
    }
}
