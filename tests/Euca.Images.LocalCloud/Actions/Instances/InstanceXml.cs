using System.Xml;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>Writes one instance as an EC2 `instancesSet/item`, with the element names the AWS SDK's
/// InstanceUnmarshaller reads; only the fields image work needs.</summary>
public static class InstanceXml
{
    public static void Write(XmlWriter w, InstanceRecord instance)
    {
        w.WriteElementString("instanceId", instance.InstanceId);
        w.WriteElementString("imageId", instance.ImageId);
        w.WriteStartElement("instanceState");
        w.WriteElementString("code", InstanceStates.CodeOf(instance.State).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteElementString("name", instance.State);
        w.WriteEndElement();
        w.WriteElementString("instanceType", instance.InstanceType);
        w.WriteElementString("launchTime", XmlWriterExtensions.FormatTimestamp(instance.LaunchTime));
        w.WriteOptional("platform", instance.Platform);
        w.WriteElementString("architecture", instance.Architecture);
        w.WriteElementString("rootDeviceType", instance.RootDeviceType);
        w.WriteElementString("rootDeviceName", instance.RootDeviceName);
        w.WriteItemSet("blockDeviceMapping", instance.BlockDeviceMappings, (x, mapping) =>
        {
            x.WriteElementString("deviceName", mapping.DeviceName);
            x.WriteStartElement("ebs");
            x.WriteElementString("volumeId", mapping.VolumeId);
            x.WriteElementString("status", "attached");
            x.WriteElementString("attachTime", XmlWriterExtensions.FormatTimestamp(instance.LaunchTime));
            x.WriteOptional("deleteOnTermination", mapping.DeleteOnTermination);
            x.WriteEndElement();
        });
        w.WriteElementString("virtualizationType", instance.VirtualizationType);
        w.WriteElementString("hypervisor", "kvm");
    }
}
