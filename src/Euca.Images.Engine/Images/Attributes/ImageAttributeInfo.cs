using System;
using System.Collections.Generic;
using System.Linq;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Images.Attributes
{
    /// <summary>The image attributes DescribeImageAttribute answers on Eucalyptus.</summary>
    public enum ImageAttributeName
    {
        LaunchPermission,
        ProductCodes,
        Description,
        Kernel,
        Ramdisk,
        BlockDeviceMapping,
    }

    /// <summary>One launch permission: an account id, or the group <c>all</c> (the image is public).</summary>
    public sealed class ImageLaunchPermission
    {
        public string? UserId { get; set; }

        public string? Group { get; set; }

        public override string ToString() => Group != null ? "group:" + Group : UserId ?? string.Empty;
    }

    /// <summary>One attribute of one image; only the members of <see cref="Attribute"/> are filled in.</summary>
    public sealed class ImageAttributeInfo
    {
        public string ImageId { get; set; } = string.Empty;

        public ImageAttributeName Attribute { get; set; }

        public IReadOnlyList<ImageLaunchPermission> LaunchPermissions { get; set; } = Array.Empty<ImageLaunchPermission>();

        /// <summary>For LaunchPermission: true when the group <c>all</c> may launch the image.</summary>
        public bool IsPublic => LaunchPermissions.Any(p => p.Group == "all");

        public IReadOnlyList<string> ProductCodes { get; set; } = Array.Empty<string>();

        public string? Description { get; set; }

        public string? KernelId { get; set; }

        public string? RamdiskId { get; set; }

        public IReadOnlyList<ImageBlockDeviceMapping> BlockDeviceMappings { get; set; } = Array.Empty<ImageBlockDeviceMapping>();

        /// <summary>What <see cref="Value"/> shows for an image nobody but its owner may launch.</summary>
        public const string PrivateLaunchPermission = "private (owner only)";

        /// <summary>The attribute's value as one line of text, for tables.</summary>
        public string Value
        {
            get
            {
                switch (Attribute)
                {
                    // No launch permissions means only the owner may launch it: say so rather than show a blank.
                    case ImageAttributeName.LaunchPermission: return LaunchPermissions.Count == 0 ? PrivateLaunchPermission : string.Join(", ", LaunchPermissions);
                    case ImageAttributeName.ProductCodes: return string.Join(", ", ProductCodes);
                    case ImageAttributeName.Description: return Description ?? string.Empty;
                    case ImageAttributeName.Kernel: return KernelId ?? string.Empty;
                    case ImageAttributeName.Ramdisk: return RamdiskId ?? string.Empty;
                    default: return string.Join(", ", BlockDeviceMappings);
                }
            }
        }

        public override string ToString() => $"{ImageId} {Attribute}: {Value}";
    }
}
