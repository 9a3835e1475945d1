using System.Globalization;
using System.Xml;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>A volume with the element names the SDK's Volume and CreateVolume unmarshallers read.</summary>
public static class VolumeXml
{
    public static void Write(XmlWriter w, VolumeRecord volume)
    {
        w.WriteElementString("volumeId", volume.VolumeId);
        w.WriteElementString("size", volume.Size.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("snapshotId", volume.SnapshotId ?? "");
        w.WriteElementString("availabilityZone", volume.AvailabilityZone);
        w.WriteElementString("status", volume.State);
        w.WriteElementString("createTime", XmlWriterExtensions.FormatTimestamp(volume.CreateTime));
        // Eucalyptus reports every volume as standard.
        w.WriteElementString("volumeType", "standard");
    }
}
