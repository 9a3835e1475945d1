using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Volumes
{
    /// <summary>
    /// Volumes as a kind of cloud resource: their id rule and how the cloud refuses an unknown one (EC2 and
    /// Eucalyptus do not tell a missing volume from one of another account).
    /// </summary>
    internal static class VolumeResource
    {
        public static readonly ResourceKind Kind = new ResourceKind(
            ResourceIdPattern.Volume, "InvalidVolume.NotFound", (id, cause) => ResourceKind.NotFoundError(ErrorIds.VolumeNotFound, "volume", id, cause));
    }
}
