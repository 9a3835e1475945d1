using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Instances
{
    /// <summary>Bundle tasks as a kind of cloud resource: their id rule and how the cloud refuses an unknown one.</summary>
    internal static class BundleTaskResource
    {
        public static readonly ResourceKind Kind = new ResourceKind(
            ResourceIdPattern.BundleTask, "InvalidBundleID.NotFound", (id, cause) => ResourceKind.NotFoundError(ErrorIds.BundleTaskNotFound, "bundle task", id, cause));
    }
}
