using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Zones;

/// <summary>DescribeAvailabilityZones: the zones volumes and imports may use (the `--availability-zone` options,
/// "one" by default), each available in the region "eucalyptus", narrowed by ZoneName.N. Eucalyptus answers unknown
/// names with an empty set rather than an error, and so does this.</summary>
public sealed class DescribeAvailabilityZonesAction : ICloudAction
{
    public string Name => "DescribeAvailabilityZones";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        HashSet<string> names = context.Parameters.GetList("ZoneName").ToHashSet(StringComparer.Ordinal);
        var zones = context.State.Import.AvailabilityZones.Where(z => names.Count == 0 || names.Contains(z)).ToList();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("availabilityZoneInfo", zones, (x, zone) =>
        {
            x.WriteElementString("zoneName", zone);
            x.WriteElementString("zoneState", "available");
            x.WriteElementString("regionName", "eucalyptus");
        }));
    }
}
