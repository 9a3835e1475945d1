using System.Collections.Generic;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// What the user chose for a new bundle (euca-bundle-image's -r, -u, --prefix, --kernel, --ramdisk, -B,
    /// --productcodes, --image-type). <see cref="BundleManifestFactory.Normalize"/> checks it before any data is
    /// processed, so a bad option fails before an hour of bundling, not after.
    /// </summary>
    public sealed class BundleImageProperties
    {
        /// <summary>i386, x86_64, armhf, ppc, ppc64 or ppc64le.</summary>
        public string Architecture { get; set; } = "";

        /// <summary>12-digit account id; dashes are allowed and removed.</summary>
        public string AccountId { get; set; } = "";

        /// <summary>The bundle prefix (default: the image file's name).</summary>
        public string ImageName { get; set; } = "";

        /// <summary>Null: machine, unless <see cref="KernelId"/> or <see cref="RamdiskId"/> is <c>true</c>.</summary>
        public BundleImageType? ImageType { get; set; }

        public string? KernelId { get; set; }

        public string? RamdiskId { get; set; }

        public IList<BlockDeviceMapping> BlockDeviceMappings { get; set; } = new List<BlockDeviceMapping>();

        public IList<string> ProductCodes { get; set; } = new List<string>();
    }
}
