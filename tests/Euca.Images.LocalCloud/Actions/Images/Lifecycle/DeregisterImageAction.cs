using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images.Lifecycle;

/// <summary>DeregisterImage in Eucalyptus' two phases (images/Images.java deregisterImage): an image in any other state
/// becomes `deregistered` (hidden from DescribeImages); a second call on a `deregistered` or `failed` image deletes it.
/// Owner or administrator only; unknown ids are InvalidAMIID.NotFound (ImageManager.deregister).</summary>
public sealed class DeregisterImageAction : ICloudAction
{
    public string Name => "DeregisterImage";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ImageRecord image = OwnedImage.Find(context, "deregister image");
        if (image.State is ImageStates.Deregistered or ImageStates.Failed)
        {
            context.State.RemoveImage(image.ImageId);
        }
        else
        {
            context.State.UpdateImage(image.ImageId, i => i with { State = ImageStates.Deregistered });
        }

        return Task.FromResult(OwnedImage.Return(Name));
    }
}
