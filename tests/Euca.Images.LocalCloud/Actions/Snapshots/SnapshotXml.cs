using System.Xml;
using Euca.Images.LocalCloud.Actions.Tags;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Snapshots;

namespace Euca.Images.LocalCloud.Actions.Snapshots;

/// <summary>Writes a snapshot's fields with the element names the AWS SDK's SnapshotUnmarshaller reads (the
/// CreateSnapshot answer carries them at the top level, DescribeSnapshots in `snapshotSet/item`).</summary>
public static class SnapshotXml
{
    public static void Write(XmlWriter w, SnapshotRecord snapshot, DateTimeOffset now, string? ownerAlias, IReadOnlyDictionary<string, string>? tags = null)
    {
        SnapshotView view = snapshot.At(now);
        w.WriteElementString("snapshotId", snapshot.SnapshotId);
        w.WriteElementString("volumeId", snapshot.VolumeId);
        w.WriteElementString("status", view.Status);
        w.WriteElementString("startTime", XmlWriterExtensions.FormatTimestamp(snapshot.StartTime));
        w.WriteElementString("progress", view.Progress + "%");
        w.WriteElementString("ownerId", snapshot.OwnerId);
        w.WriteOptional("volumeSize", snapshot.VolumeSize);
        w.WriteOptional("description", snapshot.Description);
        w.WriteOptional("ownerAlias", ownerAlias);
        TagXml.WriteTagSet(w, tags);
    }
}
