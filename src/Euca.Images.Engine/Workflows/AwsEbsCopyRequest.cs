using System;
using System.Collections.Generic;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Migration;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>What <see cref="AwsEbsImageCopier"/> copies: an EBS-backed AWS image, where AWS exports it, and the
    /// Eucalyptus side's import bucket, zone and image attributes.</summary>
    public sealed class AwsEbsCopyRequest
    {
        public AwsEbsCopyRequest(string sourceImageId, string exportBucket, string importBucket, string availabilityZone)
        {
            SourceImageId = sourceImageId;
            ExportBucket = exportBucket;
            ImportBucket = importBucket;
            AvailabilityZone = availabilityZone;
            Journal = new AwsEbsCopyJournal(sourceImageId);
        }

        public string SourceImageId { get; }

        /// <summary>The S3 bucket (source region) AWS writes the exported disk to; it must exist.</summary>
        public string ExportBucket { get; }

        /// <summary>Put in front of the exported object's name (end it with /).</summary>
        public string ExportPrefix { get; set; } = "exports/";

        public ExportFormat ExportFormat { get; set; } = ExportFormat.Raw;

        /// <summary>Keep the exported object (by default it is deleted once the image is registered).</summary>
        public bool KeepExport { get; set; }

        /// <summary>The Eucalyptus bucket of the disk import's parts.</summary>
        public string ImportBucket { get; }

        public string AvailabilityZone { get; }

        /// <summary>A folder in the import bucket above the per-import folder.</summary>
        public string? ImportKeyPrefix { get; set; }

        /// <summary>The new image's name; by default the source's.</summary>
        public string? Name { get; set; }

        /// <summary>The new image's description; by default the source's.</summary>
        public string? Description { get; set; }

        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        public MigrationWait ExportWait { get; set; } = new MigrationWait();

        /// <summary>How the parts are sent to Eucalyptus (parallelism, part size, retries).</summary>
        public ImportUploadOptions Upload { get; set; } = new ImportUploadOptions();

        public TimeSpan ConversionTimeout { get; set; } = TimeSpan.FromHours(3);

        public TimeSpan SnapshotTimeout { get; set; } = TimeSpan.FromHours(1);

        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>What the run has made so far; kept by the caller to report when the run is stopped.</summary>
        public AwsEbsCopyJournal Journal { get; }
    }
}
