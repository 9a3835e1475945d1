using Euca.Images.LocalCloud.Actions.Import;
using Euca.Images.LocalCloud.Actions.Snapshots;
using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>DescribeVolumes: the caller's volumes (created, imported and the seeded instances' disks, which are
/// in-use with their attachment), narrowed by VolumeId.N and Filter.N. A requested id the caller has no volume of
/// gives InvalidVolume.NotFound for the whole request, as EC2 answers; Eucalyptus 4.4 leaves such ids out of its
/// answer instead, and clients must cope with both.</summary>
public sealed class DescribeVolumesAction : ICloudAction
{
    public string Name => "DescribeVolumes";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        HashSet<string> ids = context.Parameters.GetList("VolumeId").Select(SnapshotIds.Volume).ToHashSet(StringComparer.Ordinal);
        Func<VolumeView, bool> isFilterMatch = VolumeFilters.Compile(context.Parameters.GetFilters());
        IReadOnlyList<VolumeView> owned = VolumeViews.OwnedBy(context.State, context.Account.AccountId)
            .Select(v => v with { Tags = context.State.Tags.For(context.Account.AccountId, v.Volume.VolumeId) })
            .ToList();
        string? missing = ids.Order(StringComparer.Ordinal).FirstOrDefault(id => owned.All(v => v.Volume.VolumeId != id));
        if (missing is not null)
        {
            throw ImportErrors.VolumeNotFound(missing);
        }

        var selected = owned.Where(v => ids.Count == 0 || ids.Contains(v.Volume.VolumeId)).Where(isFilterMatch).ToList();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("volumeSet", selected, VolumeXml.Write));
    }
}
