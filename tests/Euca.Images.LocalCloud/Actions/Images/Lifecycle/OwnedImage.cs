using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images.Lifecycle;

/// <summary>The image an attribute or deregistration request names, in any state (Eucalyptus looks images up by id
/// without a state filter), if the caller owns it or is an administrator (ImageManager's "Not authorized to ..."
/// checks, answered here as AuthFailure with HTTP 400).</summary>
internal static class OwnedImage
{
    public static ImageRecord Find(ActionContext context, string what)
    {
        string requested = context.Parameters.GetRequired("ImageId");
        string id = ImageIds.Canonicalize(requested) ?? throw CloudErrors.ImageIdMalformed(requested);
        ImageRecord image = context.State.FindImage(id) ?? throw CloudErrors.ImageNotFound([id]);
        if (!context.Account.IsAdmin && image.OwnerId != context.Account.AccountId)
        {
            throw CloudErrors.NotPermitted($"Not authorized to {what}");
        }

        return image;
    }

    public static ActionResponse Return(string action) => ActionResponse.Ec2(action, w => w.WriteElementString("return", "true"));
}
