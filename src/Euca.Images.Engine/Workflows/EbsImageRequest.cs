using System;
using System.Collections.Generic;
using Euca.Images.Engine.Import;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>What <see cref="EbsImageInstaller"/> turns into an EBS-backed HVM image: a disk file and the image's attributes.</summary>
    public sealed class EbsImageRequest
    {
        public EbsImageRequest(string name, VolumeImportRequest import)
        {
            Name = name;
            Import = import;
            Journal = new EbsImageJournal(name, import);
        }

        public string Name { get; }

        /// <summary>The disk file, the bucket its parts are uploaded to, and the availability zone of the volume.</summary>
        public VolumeImportRequest Import { get; }

        public string? Architecture { get; set; }

        public string? Description { get; set; }

        /// <summary>"windows" for Windows images.</summary>
        public string? Platform { get; set; }

        /// <summary>Eucalyptus' default root device for EBS-backed images.</summary>
        public string RootDeviceName { get; set; } = "/dev/sda";

        public bool Public { get; set; }

        /// <summary>Tags for the image and the snapshot it boots from, added once the image is registered.</summary>
        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Keep the volume the disk was imported into (by default it is deleted once the snapshot exists).</summary>
        public bool KeepVolume { get; set; }

        /// <summary>Keep the uploaded disk image parts and manifest (by default they are deleted once the volume exists).</summary>
        public bool KeepDiskImage { get; set; }

        /// <summary>
        /// On failure or Ctrl+C, cancel the conversion task and delete its uploaded parts and manifest instead of
        /// leaving them to resume: for a disk Resume-EucaImport cannot read again (another cloud's object), where the
        /// next run starts a new import anyway.
        /// </summary>
        public bool RemoveUploadOnFailure { get; set; }

        public TimeSpan ConversionTimeout { get; set; } = TimeSpan.FromHours(3);

        public TimeSpan SnapshotTimeout { get; set; } = TimeSpan.FromHours(1);

        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>What the run has made so far; kept by the caller to report when the run is stopped.</summary>
        public EbsImageJournal Journal { get; }
    }
}
