using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Images
{
    /// <summary>Images as a kind of cloud resource: their id rule and how the cloud refuses an unknown one.</summary>
    internal static class ImageResource
    {
        public static readonly ResourceKind Kind = new ResourceKind(
            ResourceIdPattern.Image, "InvalidAMIID.NotFound", (id, cause) => ResourceKind.NotFoundError(ErrorIds.ImageNotFound, "image", id, cause));
    }
}
