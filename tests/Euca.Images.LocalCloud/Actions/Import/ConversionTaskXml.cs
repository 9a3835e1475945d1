using System.Globalization;
using System.Xml;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>Writes a conversion task with the element names the AWS SDK's ConversionTask, ImportVolumeTaskDetails
/// and ImportInstanceTaskDetails unmarshallers read.</summary>
public static class ConversionTaskXml
{
    public static void Write(XmlWriter w, ConversionTaskRecord task)
    {
        w.WriteElementString("conversionTaskId", task.ConversionTaskId);
        w.WriteElementString("expirationTime", XmlWriterExtensions.FormatTimestamp(task.ExpirationTime));
        if (task.TaskType == "ImportInstance")
        {
            w.WriteStartElement("importInstance");
            w.WriteStartElement("volumes");
            w.WriteStartElement("item");
            WriteDisk(w, task);
            w.WriteElementString("status", task.State);
            w.WriteOptional("statusMessage", task.StatusMessage.Length > 0 ? task.StatusMessage : null);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteOptional("instanceId", task.InstanceId);
            w.WriteOptional("platform", task.Platform);
            w.WriteOptional("description", task.Description);
            w.WriteEndElement();
        }
        else
        {
            w.WriteStartElement("importVolume");
            WriteDisk(w, task);
            w.WriteEndElement();
        }

        w.WriteElementString("state", task.State);
        w.WriteOptional("statusMessage", task.StatusMessage.Length > 0 ? task.StatusMessage : null);
    }

    private static void WriteDisk(XmlWriter w, ConversionTaskRecord task)
    {
        w.WriteElementString("bytesConverted", task.BytesConverted.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("availabilityZone", task.AvailabilityZone);
        w.WriteOptional("description", task.Description);
        w.WriteStartElement("image");
        w.WriteElementString("format", task.Format);
        w.WriteElementString("size", task.ImageBytes.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("importManifestUrl", task.ManifestUrl);
        w.WriteEndElement();
        w.WriteStartElement("volume");
        w.WriteElementString("size", task.VolumeSize.ToString(CultureInfo.InvariantCulture));
        w.WriteOptional("id", task.VolumeId);
        w.WriteEndElement();
    }
}
