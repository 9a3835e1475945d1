namespace Euca.Images.Engine.DiskImages
{
    /// <summary>What Get-EucaDiskImage reports about a disk image file.</summary>
    public sealed class DiskImageInfo
    {
        internal DiskImageInfo(string path, DiskFormat format, string subformat, long virtualSize, long allocatedSize, long fileSize)
        {
            Path = path;
            Format = format;
            Subformat = subformat;
            VirtualSize = virtualSize;
            AllocatedSize = allocatedSize;
            FileSize = fileSize;
        }

        public string Path { get; }

        public DiskFormat Format { get; }

        /// <summary>fixed or dynamic (VHD, VHDX); monolithicSparse, streamOptimized or monolithicFlat (VMDK); v2 or v3 (QCOW2); sparse or full (raw).</summary>
        public string Subformat { get; }

        /// <summary>Bytes of the disk the image describes: the size of its raw form.</summary>
        public long VirtualSize { get; }

        /// <summary>Bytes of the virtual disk that are stored in the image; the rest reads as zeros.</summary>
        public long AllocatedSize { get; }

        /// <summary>Bytes the image's files take (for monolithicFlat, the descriptor and its extents).</summary>
        public long FileSize { get; }
    }
}
