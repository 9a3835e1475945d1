using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Tags;

/// <summary>DescribeTags: the caller's tags, narrowed by the filters Eucalyptus 4.4 supports (tags/Tags.java
/// TagFilterSupport): key, value, resource-id and resource-type; any other filter is InvalidParameterValue.</summary>
public sealed class DescribeTagsAction : ICloudAction
{
    public string Name => "DescribeTags";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var predicates = context.Parameters.GetFilters().Select(Compile).ToList();
        var tags = context.State.Tags.All(context.Account.AccountId)
            .Select(t => (t.ResourceId, Type: TaggableResources.TypeOf(t.ResourceId), t.Key, t.Value))
            .Where(t => predicates.All(p => p(t.ResourceId, t.Type, t.Key, t.Value)))
            .ToList();
        return Task.FromResult(ActionResponse.Ec2(Name, w => w.WriteItemSet("tagSet", tags, (x, tag) =>
        {
            x.WriteElementString("resourceId", tag.ResourceId);
            x.WriteElementString("resourceType", tag.Type);
            x.WriteElementString("key", tag.Key);
            x.WriteElementString("value", tag.Value);
        })));
    }

    private static Func<string, string, string, string, bool> Compile(RequestFilter filter)
    {
        WildcardPattern[] patterns = filter.Values.Select(v => new WildcardPattern(v)).ToArray();
        Func<string, string, string, string, string> field = filter.Name switch
        {
            "key" => (_, _, key, _) => key,
            "value" => (_, _, _, value) => value,
            "resource-id" => (id, _, _, _) => id,
            "resource-type" => (_, type, _, _) => type,
            _ => throw CloudErrors.InvalidParameterValue($"The filter '{filter.Name}' is invalid"),
        };
        return (id, type, key, value) => patterns.Any(p => p.IsMatch(field(id, type, key, value)));
    }
}
