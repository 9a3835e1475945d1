using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Topology;

/// <summary>DescribeRegions as Eucalyptus 4.4 answers it (cluster-manager ClusterEndpoint.DescribeRegions, binding
/// ec2-regions-10-08-31.xml): the region's compute endpoint as regionName + regionEndpoint in `regionInfo` (always
/// present). RegionName.N and the filters region-name and endpoint narrow the list; a name that matches nothing
/// gives an empty list, not an error (withOptionalInternalFilter). The endpoint is the compute service URL on the
/// host and port the client used (ServiceConfigurations.remotePublicify).</summary>
public sealed class DescribeRegionsAction : ICloudAction
{
    public string Name => "DescribeRegions";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string endpoint = new Uri(context.EndpointUrl, "services/compute").ToString();
        var properties = new Dictionary<string, Func<string, string>>(StringComparer.Ordinal)
        {
            ["region-name"] = region => region,
            ["endpoint"] = _ => endpoint,
        };
        IReadOnlyList<string> requested = context.Parameters.GetList("RegionName");
        Func<string, bool> isMatch = TopologyFilters.Compile(context.Parameters.GetFilters(), properties);
        List<string> selected = new[] { CloudRegion.Name }.Where(r => requested.Count == 0 || requested.Contains(r)).Where(isMatch).ToList();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("regionInfo", selected, (x, region) =>
        {
            x.WriteElementString("regionName", region);
            x.WriteElementString("regionEndpoint", endpoint);
        }));
    }
}
