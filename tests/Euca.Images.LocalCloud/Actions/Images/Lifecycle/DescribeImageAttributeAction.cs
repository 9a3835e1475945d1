using System.Xml;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images.Lifecycle;

/// <summary>DescribeImageAttribute as ImageManager.describeImageAttribute: owner or administrator; launchPermission
/// (group all when public, then the account ids), productCodes, kernel, ramdisk, description, and blockDeviceMapping,
/// which for instance-store images is Eucalyptus' fixed legacy list (emi=sda1, ephemeral0=sda2, swap=sda3,
/// root=/dev/sda1) and for EBS images emi/root plus the image's mappings.</summary>
public sealed class DescribeImageAttributeAction : ICloudAction
{
    public string Name => "DescribeImageAttribute";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        string attribute = context.Parameters.GetRequired("Attribute");
        ImageRecord image = OwnedImage.Find(context, "describe image attribute");
        Action<XmlWriter> body = attribute switch
        {
            "launchPermission" => w => WriteLaunchPermission(w, image),
            "productCodes" => w => w.WriteItemSet("productCodes", image.ProductCodes, (x, code) => x.WriteElementString("productCode", code)),
            "kernel" => w => WriteValue(w, "kernel", image.KernelId),
            "ramdisk" => w => WriteValue(w, "ramdisk", image.RamdiskId),
            "description" => w => WriteValue(w, "description", image.Description),
            "blockDeviceMapping" => w => w.WriteItemSet("blockDeviceMapping", Mappings(image), WriteMapping),
            _ => throw CloudErrors.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
        return Task.FromResult(ActionResponse.Ec2(Name, w =>
        {
            w.WriteElementString("imageId", image.ImageId);
            body(w);
        }));
    }

    private static void WriteLaunchPermission(XmlWriter w, ImageRecord image)
    {
        var entries = new List<(string Name, string Value)>();
        if (image.IsPublic)
        {
            entries.Add(("group", "all"));
        }

        entries.AddRange(image.LaunchPermissions.Select(a => ("userId", a)));
        w.WriteItemSet("launchPermission", entries, (x, e) => x.WriteElementString(e.Name, e.Value));
    }

    private static void WriteValue(XmlWriter w, string element, string? value)
    {
        w.WriteStartElement(element);
        w.WriteOptional("value", value);
        w.WriteEndElement();
    }

    private static IEnumerable<BlockDeviceMappingRecord> Mappings(ImageRecord image)
    {
        if (image.RootDeviceType != "ebs")
        {
            return
            [
                new() { VirtualName = "emi", DeviceName = "sda1" },
                new() { VirtualName = "ephemeral0", DeviceName = "sda2" },
                new() { VirtualName = "swap", DeviceName = "sda3" },
                new() { VirtualName = "root", DeviceName = "/dev/sda1" },
            ];
        }

        string root = image.RootDeviceName ?? "/dev/sda";
        return new BlockDeviceMappingRecord[] { new() { VirtualName = "emi", DeviceName = root }, new() { VirtualName = "root", DeviceName = root } }
            .Concat(image.BlockDeviceMappings.Where(m => m.DeviceName != root));
    }

    private static void WriteMapping(XmlWriter w, BlockDeviceMappingRecord mapping)
    {
        w.WriteElementString("deviceName", mapping.DeviceName);
        w.WriteOptional("virtualName", mapping.VirtualName);
        if (mapping.IsEbs)
        {
            w.WriteStartElement("ebs");
            w.WriteOptional("snapshotId", mapping.SnapshotId);
            w.WriteOptional("volumeSize", mapping.VolumeSize);
            w.WriteOptional("deleteOnTermination", mapping.DeleteOnTermination ?? false);
            w.WriteEndElement();
        }
    }
}
