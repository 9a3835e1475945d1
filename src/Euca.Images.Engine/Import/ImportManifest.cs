using System.Collections.Generic;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// An import manifest (version 2010-11-15): what the cloud's imaging worker reads to find the raw slices of a
    /// disk image in object storage, through pre-signed URLs, because the worker holds no user credentials.
    /// </summary>
    public sealed class ImportManifest
    {
        public const string CurrentVersion = "2010-11-15";

        public string Version { get; set; } = CurrentVersion;

        /// <summary>RAW or VMDK, upper case as on the wire.</summary>
        public string FileFormat { get; set; } = "RAW";

        public string ImporterName { get; set; } = "Euca.Images";

        public string ImporterVersion { get; set; } = "";

        public string ImporterRelease { get; set; } = "0";

        /// <summary>A pre-signed DELETE of the manifest itself.</summary>
        public string SelfDestructUrl { get; set; } = "";

        /// <summary>The image size in bytes (Image.Bytes).</summary>
        public long Size { get; set; }

        /// <summary>The volume size in GiB.</summary>
        public long VolumeSize { get; set; }

        public IList<ImportManifestPart> Parts { get; set; } = new List<ImportManifestPart>();
    }

    /// <summary>One raw slice of the disk: an inclusive byte range, its key and its pre-signed URLs.</summary>
    public sealed class ImportManifestPart
    {
        public int Index { get; set; }

        public long Start { get; set; }

        /// <summary>The last byte of the slice (inclusive, as the manifest writes it).</summary>
        public long End { get; set; }

        /// <summary>The object key without the bucket, for example <c>UUID/disk.raw.part.0</c>.</summary>
        public string Key { get; set; } = "";

        public string HeadUrl { get; set; } = "";

        public string GetUrl { get; set; } = "";

        public string DeleteUrl { get; set; } = "";

        public long Length => End - Start + 1;
    }
}
