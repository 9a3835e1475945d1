using System.Collections.Generic;
using System.Linq;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Engine.Volumes
{
    internal static class VolumeMapper
    {
        public static VolumeInfo From(Volume volume) =>
            new VolumeInfo
            {
                VolumeId = volume.VolumeId ?? string.Empty,
                SizeGiB = volume.Size,
                State = volume.State?.Value,
                AvailabilityZone = volume.AvailabilityZone,
                // EC2 and Eucalyptus send an empty snapshotId element for a volume that was not made from a snapshot.
                SnapshotId = string.IsNullOrEmpty(volume.SnapshotId) ? null : volume.SnapshotId,
                CreateTime = volume.CreateTime?.ToUniversalTime(),
                Attachments = (volume.Attachments ?? new List<VolumeAttachment>()).Select(From).ToList(),
                Tags = TagSets.From(volume.Tags),
            };

        private static VolumeAttachmentInfo From(VolumeAttachment attachment) =>
            new VolumeAttachmentInfo
            {
                InstanceId = attachment.InstanceId,
                Device = attachment.Device,
                State = attachment.State?.Value,
            };
    }
}
