using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Tags;

/// <summary>CreateTags: ResourceId.N and Tag.N.Key/Tag.N.Value (a missing value is empty, as in EC2); adds or
/// overwrites the caller's tags on resources it owns, all or none (Eucalyptus 4.4 TagManager.createTags runs in one
/// transaction).</summary>
public sealed class CreateTagsAction : ICloudAction
{
    public string Name => "CreateTags";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> resources = context.Parameters.GetList("ResourceId");
        IReadOnlyList<QueryParameters> tagParameters = context.Parameters.GetStructList("Tag");
        if (resources.Count == 0)
        {
            throw CloudErrors.MissingParameter("ResourceId.1");
        }

        if (tagParameters.Count == 0)
        {
            throw CloudErrors.MissingParameter("Tag.1.Key");
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (QueryParameters tag in tagParameters)
        {
            string key = tag.Get("Key") ?? throw CloudErrors.MissingParameter("Tag.N.Key");
            string value = tag.Get("Value") ?? "";
            TagRules.CheckKey(key);
            TagRules.CheckValue(key, value);
            tags[key] = value;
        }

        foreach (string resource in resources)
        {
            TaggableResources.RequireOwned(context, resource);
        }

        context.State.Tags.Set(context.Account.AccountId, resources, tags, TagRules.CheckCount);
        return Task.FromResult(ActionResponse.Ec2(Name, w => w.WriteElementString("return", "true")));
    }
}
