using Euca.Images.Engine.DiskImages;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>What Export-EucaImage wrote: the disk file, its format and sizes, and the image it came from.</summary>
    public sealed class ExportedImage
    {
        internal ExportedImage(string imageId, string path, DiskFormat format, string subformat, long virtualSize, long fileSize, long dataBytes, string manifestLocation)
        {
            ImageId = imageId;
            Path = path;
            Format = format;
            Subformat = subformat;
            VirtualSize = virtualSize;
            FileSize = fileSize;
            DataBytes = dataBytes;
            ManifestLocation = manifestLocation;
        }

        public string ImageId { get; }

        /// <summary>The disk file written.</summary>
        public string Path { get; }

        public DiskFormat Format { get; }

        /// <summary>raw, dynamic (VHDX) or streamOptimized (VMDK).</summary>
        public string Subformat { get; }

        /// <summary>The disk size the file declares: the image's size, rounded up to whole sectors for VHDX and VMDK.</summary>
        public long VirtualSize { get; }

        /// <summary>The file's length (a raw file's holes included).</summary>
        public long FileSize { get; }

        /// <summary>Bytes of the disk that were not all zeros and so were stored; the rest are holes or unallocated blocks.</summary>
        public long DataBytes { get; }

        /// <summary>The bundle the disk was read from.</summary>
        public string ManifestLocation { get; }
    }
}
