using System.Xml;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images;

/// <summary>Writes one image as an EC2 `imagesSet/item`, with the element names the AWS SDK's
/// ImageUnmarshaller reads. Absent values are left out.</summary>
public static class ImageXml
{
    public static void Write(XmlWriter w, ImageRecord image, ImageView view)
    {
        w.WriteElementString("imageId", image.ImageId);
        w.WriteOptional("imageLocation", image.ManifestLocation);
        w.WriteElementString("imageState", image.State);
        w.WriteElementString("imageOwnerId", image.OwnerId);
        w.WriteElementString("creationDate", XmlWriterExtensions.FormatTimestamp(image.CreationDate));
        w.WriteOptional("isPublic", image.IsPublic);
        // Eucalyptus keeps product codes as plain strings, without a type (its product-code.type filter is unsupported).
        w.WriteItemSet("productCodes", image.ProductCodes, (x, code) => x.WriteElementString("productCode", code));
        w.WriteElementString("architecture", image.Architecture);
        w.WriteElementString("imageType", image.ImageType);
        w.WriteOptional("kernelId", image.KernelId);
        w.WriteOptional("ramdiskId", image.RamdiskId);
        w.WriteOptional("platform", image.Platform);
        w.WriteOptional("imageOwnerAlias", view.OwnerAlias);
        w.WriteOptional("name", image.Name);
        w.WriteOptional("description", image.Description);
        w.WriteElementString("rootDeviceType", image.RootDeviceType);
        w.WriteOptional("rootDeviceName", image.RootDeviceName);
        w.WriteItemSet("blockDeviceMapping", image.BlockDeviceMappings, WriteMapping);
        w.WriteElementString("virtualizationType", image.VirtualizationType);
        w.WriteItemSet("tagSet", view.Tags.OrderBy(t => t.Key, StringComparer.Ordinal), (x, tag) =>
        {
            x.WriteElementString("key", tag.Key);
            x.WriteElementString("value", tag.Value);
        });
        w.WriteElementString("hypervisor", image.Hypervisor);
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
            w.WriteOptional("volumeType", mapping.VolumeType ?? "standard");
            w.WriteEndElement();
        }
    }
}
