using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Topology;

/// <summary>DescribeAvailabilityZones as Eucalyptus 4.4 answers it (cluster-manager ClusterEndpoint
/// .DescribeAvailabilityZones, binding ec2-zones-10-08-31.xml): every zone (cluster partition) with zoneName, zoneState
/// `available`, regionName and an empty messageSet, in `availabilityZoneInfo` (always present). ZoneName.N narrows the
/// answer; a name that is no zone is InvalidParameterValue "Invalid availability zone: [NAME]". The keyword `verbose`
/// (administrators' node capacity listing) is accepted and ignored: the local cloud has no nodes. Filters:
/// zone-name, state, region-name (AvailabilityZoneFilterSupport).</summary>
public sealed class DescribeAvailabilityZonesAction : ICloudAction
{
    private static readonly Dictionary<string, Func<string, string>> Properties = new(StringComparer.Ordinal)
    {
        ["zone-name"] = zone => zone,
        ["state"] = _ => CloudRegion.ZoneState,
        ["region-name"] = _ => CloudRegion.Name,
    };

    public string Name => "DescribeAvailabilityZones";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        IReadOnlyList<string> zones = context.State.Import.AvailabilityZones;
        List<string> requested = context.Parameters.GetList("ZoneName").Where(z => z != "verbose").ToList();
        string? unknown = requested.FirstOrDefault(z => !zones.Contains(z));
        if (unknown is not null)
        {
            throw CloudErrors.InvalidParameterValue($"Invalid availability zone: [{unknown}]");
        }

        Func<string, bool> isMatch = TopologyFilters.Compile(context.Parameters.GetFilters(), Properties);
        List<string> selected = zones.Where(z => requested.Count == 0 || requested.Contains(z)).Where(isMatch).ToList();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("availabilityZoneInfo", selected, (x, zone) =>
        {
            x.WriteElementString("zoneName", zone);
            x.WriteElementString("zoneState", CloudRegion.ZoneState);
            x.WriteElementString("regionName", CloudRegion.Name);
            x.WriteItemSet("messageSet", Array.Empty<string>(), (y, message) => y.WriteElementString("message", message));
        }));
    }
}
