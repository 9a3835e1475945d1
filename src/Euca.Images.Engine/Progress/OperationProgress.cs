namespace Euca.Images.Engine.Progress
{
    /// <summary>
    /// A snapshot of a long operation's progress. Engine code reports it from any thread through
    /// <see cref="System.IProgress{T}"/>; the cmdlet layer keeps only the latest snapshot and writes it from the
    /// pipeline thread, because PowerShell's Write* methods may only be called there.
    /// </summary>
    public sealed class OperationProgress
    {
        public OperationProgress(string activity, long bytesDone, long? bytesTotal, string? currentOperation = null, int id = 0, int parentId = -1)
        {
            Activity = activity;
            BytesDone = bytesDone;
            BytesTotal = bytesTotal;
            CurrentOperation = currentOperation;
            Id = id;
            ParentId = parentId;
        }

        /// <summary>What is being done, for example "Bundling disk.img".</summary>
        public string Activity { get; }

        public long BytesDone { get; }

        /// <summary>Total bytes when known; null for work of unknown size.</summary>
        public long? BytesTotal { get; }

        public string? CurrentOperation { get; }

        /// <summary>Distinguishes concurrent bars (for example one per part in flight); 0 is the main bar.</summary>
        public int Id { get; }

        /// <summary>
        /// Status text for work that is not measured in bytes (waiting for a state); when set, the cmdlet layer shows it
        /// instead of byte counts and treats BytesDone/BytesTotal only as the fraction done.
        /// </summary>
        public string? StatusDescription { get; set; }

        /// <summary>The parent bar's <see cref="Id"/>, or -1 for a top-level bar.</summary>
        public int ParentId { get; }
    }
}
