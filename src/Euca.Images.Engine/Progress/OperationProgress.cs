using System;

namespace Euca.Images.Engine.Progress
{
    /// <summary>
    /// A snapshot of a long operation's progress. Engine code reports it from any thread through
    /// <see cref="System.IProgress{T}"/>; the cmdlet layer keeps only the latest snapshot and writes it from the
    /// pipeline thread, because PowerShell's Write* methods may only be called there.
    /// </summary>
    public sealed class OperationProgress
    {
        public OperationProgress(string activity, long bytesDone, long? bytesTotal, string? currentOperation = null, int id = 0, int parentId = -1,
            bool completed = false, string? statusDescription = null, TimeSpan? elapsed = null, long bytesResumed = 0)
        {
            Activity = activity;
            BytesDone = bytesDone;
            BytesTotal = bytesTotal;
            CurrentOperation = currentOperation;
            Id = id;
            ParentId = parentId;
            Completed = completed;
            StatusDescription = statusDescription;
            Elapsed = elapsed;
            BytesResumed = bytesResumed;
        }

        /// <summary>What is being done, for example "Bundling disk.img".</summary>
        public string Activity { get; }

        public long BytesDone { get; }

        /// <summary>Total bytes when known; null for work of unknown size.</summary>
        public long? BytesTotal { get; }

        public string? CurrentOperation { get; }

        /// <summary>Distinguishes concurrent bars (for example one per part in flight); 0 is the main bar.</summary>
        public int Id { get; }

        /// <summary>The parent bar's <see cref="Id"/>, or -1 for a top-level bar.</summary>
        public int ParentId { get; }

        /// <summary>The bar's work is done: the host removes it (a finished part's child bar, for example).</summary>
        public bool Completed { get; }

        /// <summary>
        /// The status line to show instead of the byte counts, for work measured otherwise (a cloud task's
        /// percentage reported as BytesDone of BytesTotal = 100).
        /// </summary>
        public string? StatusDescription { get; }

        /// <summary>
        /// How long the bar's work has run, measured by the work itself from its start; null when the work does not
        /// say (the cmdlets then time the bar from when they first show it). A rate computed from anything later than
        /// the work's start is too high: the first records of a bar once showed gigabytes a second.
        /// </summary>
        public TimeSpan? Elapsed { get; }

        /// <summary>
        /// The part of <see cref="BytesDone"/> this run did not move because an earlier run had (parts found already
        /// stored on a resume): counted towards the percentage, never towards the rate.
        /// </summary>
        public long BytesResumed { get; }
    }
}
