using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Tags;

/// <summary>DeleteTags: ResourceId.N and optional Tag.N.Key/Tag.N.Value; a key without a value deletes the tag
/// whatever its value, a key with a value only when the value matches, and no Tag.N at all deletes every tag of the
/// resources (EC2's rules, which Eucalyptus 4.4 TagManager.deleteTags follows). Only the caller's own tags on
/// resources it owns.</summary>
public sealed class DeleteTagsAction : ICloudAction
{
    public string Name => "DeleteTags";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> resources = context.Parameters.GetList("ResourceId");
        if (resources.Count == 0)
        {
            throw CloudErrors.MissingParameter("ResourceId.1");
        }

        var toDelete = context.Parameters.GetStructList("Tag")
            .Select(t => (Key: t.Get("Key") ?? throw CloudErrors.MissingParameter("Tag.N.Key"), Value: t.Get("Value")))
            .ToList();
        foreach (string resource in resources)
        {
            TaggableResources.RequireOwned(context, resource);
        }

        context.State.Tags.Delete(context.Account.AccountId, resources, toDelete);
        return Task.FromResult(ActionResponse.Ec2(Name, w => w.WriteElementString("return", "true")));
    }
}
