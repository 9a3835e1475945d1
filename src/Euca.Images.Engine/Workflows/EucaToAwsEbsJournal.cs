using System.Collections.Generic;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// What <see cref="EucaToAwsEbsCopier"/> has made at the AWS side so far: the uploaded disk, the import-snapshot
    /// task, the snapshot and the image. A failure's error includes it; the caller keeps it to report a stop.
    /// </summary>
    public sealed class EucaToAwsEbsJournal
    {
        private readonly string _sourceImageId;

        internal EucaToAwsEbsJournal(string sourceImageId)
        {
            _sourceImageId = sourceImageId;
        }

        /// <summary>bucket/key of the uploaded disk once it is complete.</summary>
        public string? UploadedObject { get; internal set; }

        /// <summary>True when a complete upload of an earlier run was found and not sent again.</summary>
        public bool UploadReused { get; internal set; }

        public bool UploadRemoved { get; internal set; }

        public string? ImportTaskId { get; internal set; }

        public string? SnapshotId { get; internal set; }

        public string? ImageId { get; internal set; }

        public string Describe()
        {
            var parts = new List<string>();
            if (ImageId != null)
            {
                parts.Add($"image {ImageId} is registered");
            }
            else if (SnapshotId != null)
            {
                parts.Add($"snapshot {SnapshotId} holds the disk (register it with Register-EucaImage -SnapshotId {SnapshotId}, or delete it with Remove-EucaSnapshot -SnapshotId {SnapshotId})");
            }
            else if (ImportTaskId != null)
            {
                parts.Add($"import task {ImportTaskId} may still run (it is cancelled on Ctrl+C)");
            }

            if (UploadedObject != null && !UploadRemoved)
            {
                parts.Add($"the disk of {_sourceImageId} is uploaded to s3://{UploadedObject} (copying again reuses it; delete it when done)");
            }

            return parts.Count == 0 ? "Nothing was left behind." : "Left behind at the destination: " + string.Join("; ", parts) + ".";
        }
    }
}
