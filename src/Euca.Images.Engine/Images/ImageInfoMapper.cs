using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Engine.Images
{
    /// <summary>SDK <see cref="Image"/> to <see cref="ImageInfo"/>; SDK v4 gives null for empty lists, so every list is guarded.</summary>
    internal static class ImageInfoMapper
    {
        public static ImageInfo From(Image image) =>
            new ImageInfo
            {
                ImageId = image.ImageId ?? string.Empty,
                Name = image.Name,
                Description = image.Description,
                ImageLocation = image.ImageLocation,
                State = image.State?.Value,
                OwnerId = image.OwnerId,
                OwnerAlias = image.ImageOwnerAlias,
                IsPublic = image.Public ?? false,
                Architecture = image.Architecture?.Value,
                ImageType = ParseImageType(image.ImageType?.Value),
                KernelId = image.KernelId,
                RamdiskId = image.RamdiskId,
                // The SDK's constant is "Windows"; the wire value (and Eucalyptus' filter value) is "windows".
                Platform = image.Platform?.Value?.ToLowerInvariant(),
                RootDeviceType = ParseRootDevice(image.RootDeviceType?.Value),
                RootDeviceName = image.RootDeviceName,
                VirtualizationType = ParseVirtualization(image.VirtualizationType?.Value),
                Hypervisor = image.Hypervisor?.Value,
                CreationDate = ParseDate(image.CreationDate),
                ProductCodes = (image.ProductCodes ?? new List<ProductCode>()).Select(p => p.ProductCodeId).Where(p => p != null).ToList(),
                BlockDeviceMappings = (image.BlockDeviceMappings ?? new List<BlockDeviceMapping>()).Select(ToMapping).ToList(),
                Tags = TagSets.From(image.Tags),
            };

        internal static ImageBlockDeviceMapping ToMapping(BlockDeviceMapping mapping) =>
            new ImageBlockDeviceMapping
            {
                DeviceName = mapping.DeviceName,
                VirtualName = mapping.VirtualName,
                SnapshotId = mapping.Ebs?.SnapshotId,
                VolumeSizeGiB = mapping.Ebs?.VolumeSize,
                DeleteOnTermination = mapping.Ebs?.DeleteOnTermination,
                VolumeType = mapping.Ebs?.VolumeType?.Value,
                Iops = mapping.Ebs?.Iops,
                NoDevice = mapping.NoDevice != null,
            };

        private static ImageKind? ParseImageType(string? value)
        {
            switch (value)
            {
                case "machine": return ImageKind.Machine;
                case "kernel": return ImageKind.Kernel;
                case "ramdisk": return ImageKind.Ramdisk;
                default: return null;
            }
        }

        private static RootDeviceKind? ParseRootDevice(string? value)
        {
            switch (value)
            {
                case "instance-store": return RootDeviceKind.InstanceStore;
                case "ebs": return RootDeviceKind.Ebs;
                default: return null;
            }
        }

        private static VirtualizationKind? ParseVirtualization(string? value)
        {
            switch (value)
            {
                case "hvm": return VirtualizationKind.Hvm;
                case "paravirtual": return VirtualizationKind.Paravirtual;
                default: return null;
            }
        }

        private static DateTime? ParseDate(string? value) =>
            DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : (DateTime?)null;
    }
}
