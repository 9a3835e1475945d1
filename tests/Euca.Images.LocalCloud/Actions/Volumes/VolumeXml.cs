using System.Globalization;
using System.Xml;
using Euca.Images.LocalCloud.Actions.Tags;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>A volume with the element names the SDK's Volume and CreateVolume unmarshallers read.</summary>
public static class VolumeXml
{
    /// <summary>Eucalyptus reports every volume as standard.</summary>
    public const string VolumeType = "standard";

    public static void Write(XmlWriter w, VolumeRecord volume) => WriteFields(w, volume, volume.State);

    /// <summary>A DescribeVolumes item: the volume with its status and attachmentSet.</summary>
    public static void Write(XmlWriter w, VolumeView view)
    {
        WriteFields(w, view.Volume, view.Status);
        w.WriteItemSet("attachmentSet", view.Attachments, (x, attachment) =>
        {
            x.WriteElementString("volumeId", view.Volume.VolumeId);
            x.WriteElementString("instanceId", attachment.InstanceId);
            x.WriteElementString("device", attachment.Device);
            x.WriteElementString("status", attachment.Status);
            x.WriteElementString("attachTime", XmlWriterExtensions.FormatTimestamp(attachment.AttachTime));
            x.WriteElementString("deleteOnTermination", attachment.DeleteOnTermination ? "true" : "false");
        });
        TagXml.WriteTagSet(w, view.Tags);
    }

    private static void WriteFields(XmlWriter w, VolumeRecord volume, string status)
    {
        w.WriteElementString("volumeId", volume.VolumeId);
        w.WriteElementString("size", volume.Size.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("snapshotId", volume.SnapshotId ?? "");
        w.WriteElementString("availabilityZone", volume.AvailabilityZone);
        w.WriteElementString("status", status);
        w.WriteElementString("createTime", XmlWriterExtensions.FormatTimestamp(volume.CreateTime));
        w.WriteElementString("volumeType", VolumeType);
    }
}
