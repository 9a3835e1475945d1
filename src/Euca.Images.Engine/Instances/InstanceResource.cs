using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Instances
{
    /// <summary>Instances as a kind of cloud resource: their id rule and how the cloud refuses an unknown one.</summary>
    internal static class InstanceResource
    {
        public static readonly ResourceKind Kind = new ResourceKind(
            ResourceIdPattern.Instance, "InvalidInstanceID.NotFound", (id, cause) => ResourceKind.NotFoundError(ErrorIds.InstanceNotFound, "instance", id, cause));
    }
}
