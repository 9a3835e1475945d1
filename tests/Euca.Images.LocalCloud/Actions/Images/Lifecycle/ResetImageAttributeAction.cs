using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images.Lifecycle;

/// <summary>ResetImageAttribute: only `launchPermission`, which clears the account permissions and makes the image
/// private (ImageInfo.resetPermission); owner or administrator.</summary>
public sealed class ResetImageAttributeAction : ICloudAction
{
    public string Name => "ResetImageAttribute";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        string attribute = context.Parameters.GetRequired("Attribute");
        if (attribute != "launchPermission")
        {
            throw CloudErrors.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Only launchPermission can be reset.");
        }

        ImageRecord image = OwnedImage.Find(context, "reset image attribute");
        context.State.UpdateImage(image.ImageId, i => i with { IsPublic = false, LaunchPermissions = [] });
        return Task.FromResult(OwnedImage.Return(Name));
    }
}
