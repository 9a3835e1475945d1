using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;

namespace Euca.Images.Engine.Snapshots
{
    internal static class SnapshotMapper
    {
        public static SnapshotInfo From(Snapshot snapshot) =>
            new SnapshotInfo
            {
                SnapshotId = snapshot.SnapshotId ?? string.Empty,
                VolumeId = snapshot.VolumeId,
                State = snapshot.State?.Value,
                Progress = CloudPercent.Parse(snapshot.Progress),
                VolumeSizeGiB = snapshot.VolumeSize,
                OwnerId = snapshot.OwnerId,
                OwnerAlias = snapshot.OwnerAlias,
                Description = snapshot.Description,
                StartTime = snapshot.StartTime?.ToUniversalTime(),
                Tags = TagSets.From(snapshot.Tags),
            };
    }
}
