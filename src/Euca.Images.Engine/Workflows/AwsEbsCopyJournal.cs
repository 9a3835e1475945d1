namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// What <see cref="AwsEbsImageCopier"/> has made so far on both sides: the export task and its object in S3, then
    /// what the Eucalyptus import made (<see cref="EbsImageJournal"/>). A failure's error includes it; the caller keeps
    /// it to report the same when the run is stopped.
    /// </summary>
    public sealed class AwsEbsCopyJournal
    {
        private readonly string _sourceImageId;

        internal AwsEbsCopyJournal(string sourceImageId)
        {
            _sourceImageId = sourceImageId;
        }

        public string? ExportTaskId { get; internal set; }

        /// <summary>bucket/key of the exported disk once the export has completed.</summary>
        public string? ExportObject { get; internal set; }

        public bool ExportRemoved { get; internal set; }

        /// <summary>The Eucalyptus side, once the import has started.</summary>
        public EbsImageJournal? Import { get; internal set; }

        public string Describe()
        {
            string export = ExportObject != null && !ExportRemoved
                ? $"The exported disk s3://{ExportObject} of {_sourceImageId} exists (export task {ExportTaskId}): copying again reuses it; delete it when done."
                : ExportTaskId != null && ExportObject == null
                    ? $"Export task {ExportTaskId} of {_sourceImageId} may still run in the source cloud: copying again waits for it and reuses it."
                    : string.Empty;
            string import = Import?.Describe() ?? string.Empty;
            return (export + " " + import).Trim();
        }
    }
}
