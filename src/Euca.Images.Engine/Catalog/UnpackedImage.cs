namespace Euca.Images.Engine.Catalog
{
    /// <summary>The files an install bundles, found in (or being) the download.</summary>
    public sealed class UnpackedImage
    {
        internal UnpackedImage(string diskPath, bool diskIsSource)
        {
            DiskPath = diskPath;
            DiskIsSource = diskIsSource;
        }

        /// <summary>The disk image: raw, or any format DiskImages reads (detected by content when it is bundled).</summary>
        public string DiskPath { get; internal set; }

        /// <summary>True when the disk is the downloaded (or given) file itself, not a file unpacked from it.</summary>
        public bool DiskIsSource { get; internal set; }

        /// <summary>The kernel an eustore tarball holds for the chosen hypervisor; null for HVM images.</summary>
        public string? KernelPath { get; internal set; }

        public string? RamdiskPath { get; internal set; }
    }
}
