using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Snapshots
{
    /// <summary>Snapshots as a kind of cloud resource: their id rule and how the cloud refuses an unknown one.</summary>
    internal static class SnapshotResource
    {
        public static readonly ResourceKind Kind = new ResourceKind(
            ResourceIdPattern.Snapshot, "InvalidSnapshot.NotFound", (id, cause) => ResourceKind.NotFoundError(ErrorIds.SnapshotNotFound, "snapshot", id, cause));
    }
}
