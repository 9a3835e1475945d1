using System;
using System.Diagnostics;
using System.Threading;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// One bar for a whole transfer (bytes of all parts) and a child bar per part in flight, closed when the part
    /// is done. Safe to call from the parallel transfers. Every report carries the time since the transfer started and
    /// the bytes a resume found already stored, so rates count only what this run moved.
    /// </summary>
    internal sealed class TransferProgress
    {
        private readonly IProgress<OperationProgress>? _progress;
        private readonly string _activity;
        private readonly long? _total;
        private readonly int _id;
        private readonly int? _partCount;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;
        private long _resumed;
        private int _partsDone;

        /// <param name="id">The main bar's id; part bars take the ids after it.</param>
        /// <param name="total">Null while unknown (parts uploaded as they are bundled).</param>
        public TransferProgress(IProgress<OperationProgress>? progress, string activity, long? total, int? partCount, int id = 0)
        {
            _progress = progress;
            _activity = activity;
            _total = total;
            _partCount = partCount;
            _id = id;
        }

        /// <summary>Reports a part's own progress; <paramref name="delta"/> is what it adds to the whole.</summary>
        public void PartAdvanced(int index, string name, long partDone, long partSize, long delta)
        {
            long done = Interlocked.Add(ref _done, delta);
            if (_progress == null)
            {
                return;
            }

            _progress.Report(new OperationProgress(name, partDone, partSize, null, PartId(index), _id));
            ReportWhole(done);
        }

        /// <summary>A part an earlier run stored already: it counts as done but was not transferred now.</summary>
        public void PartResumed(int index, string name, long size)
        {
            Interlocked.Add(ref _resumed, size);
            PartFinished(index, name, size);
        }

        /// <summary>A part is finished (sent, skipped or failed); <paramref name="rest"/> is what was not yet counted.</summary>
        public void PartFinished(int index, string name, long rest)
        {
            long done = Interlocked.Add(ref _done, rest);
            Interlocked.Increment(ref _partsDone);
            _progress?.Report(new OperationProgress(name, 0, null, null, PartId(index), _id, completed: true));
            ReportWhole(done);
        }

        private void ReportWhole(long done) =>
            _progress?.Report(new OperationProgress(_activity, done, _total,
                _partCount.HasValue ? $"{Volatile.Read(ref _partsDone)} of {_partCount} parts done" : $"{Volatile.Read(ref _partsDone)} parts done", _id,
                elapsed: _clock.Elapsed, bytesResumed: Interlocked.Read(ref _resumed)));

        private int PartId(int index) => _id + 1 + index;
    }
}
