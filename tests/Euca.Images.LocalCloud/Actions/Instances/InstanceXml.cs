using System.Globalization;
using System.Xml;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>Writes one instance as an EC2 `instancesSet/item` with the elements, order and presence of Eucalyptus
/// 4.4's binding (compute-common ec2-instances-16-11-15.xml, RunningInstancesItemType, filled by
/// VmInstance.Transform): `privateDnsName`, `dnsName`, `placement/availabilityZone`, `groupSet` and
/// `blockDeviceMapping` are always there (the names empty for an instance that is torn down), `amiLaunchIndex` is
/// the launch index (0 for a single launch) and `productCodes` is empty. The hypervisor is EC2's extra field.</summary>
public static class InstanceXml
{
    public static void Write(XmlWriter w, InstanceRecord instance, string availabilityZone)
    {
        string? privateIp = InstanceNetwork.PrivateIpAddress(instance);
        string? publicIp = InstanceNetwork.PublicIpAddress(instance);
        w.WriteElementString("instanceId", instance.InstanceId);
        w.WriteElementString("imageId", instance.ImageId);
        w.WriteStartElement("instanceState");
        w.WriteElementString("code", InstanceStates.CodeOf(instance.State).ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("name", instance.State);
        w.WriteEndElement();
        w.WriteElementString("privateDnsName", privateIp ?? "");
        w.WriteElementString("dnsName", publicIp ?? "");
        w.WriteOptional("keyName", instance.KeyName);
        w.WriteElementString("amiLaunchIndex", "0");
        w.WriteItemSet("productCodes", Array.Empty<string>(), (x, code) => x.WriteElementString("productCode", code));
        w.WriteElementString("instanceType", instance.InstanceType);
        w.WriteElementString("launchTime", XmlWriterExtensions.FormatTimestamp(instance.LaunchTime));
        w.WriteStartElement("placement");
        w.WriteElementString("availabilityZone", availabilityZone);
        w.WriteEndElement();
        w.WriteOptional("platform", instance.Platform);
        w.WriteStartElement("monitoring");
        w.WriteElementString("state", "disabled");
        w.WriteEndElement();
        w.WriteOptional("privateIpAddress", privateIp);
        w.WriteOptional("ipAddress", publicIp);
        WriteGroupSet(w, instance.OwnerId);
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

    /// <summary>The `groupSet` of a reservation and of each of its instances: the owner's default group.</summary>
    public static void WriteGroupSet(XmlWriter w, string ownerId) =>
        w.WriteItemSet("groupSet", [ownerId], (x, owner) =>
        {
            x.WriteElementString("groupId", InstanceNetwork.DefaultGroupId(owner));
            x.WriteElementString("groupName", InstanceNetwork.DefaultGroupName);
        });
}
