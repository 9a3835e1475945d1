using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Collects progress reported by engine worker threads and turns it into ProgressRecords on the pipeline thread.
    /// Only the latest snapshot per bar is kept, so a fast producer never queues up work for the pipeline.
    /// </summary>
    /// <remarks>It deliberately does not implement IProgress itself: see <see cref="ProgressCallback"/>.</remarks>
    internal sealed class ProgressPump
    {
        private static readonly TimeSpan s_rateAfter = TimeSpan.FromSeconds(1);

        private readonly int _activityIdBase;
        private readonly ConcurrentDictionary<int, OperationProgress> _latest = new ConcurrentDictionary<int, OperationProgress>();
        private readonly Dictionary<int, BarState> _bars = new Dictionary<int, BarState>();

        public ProgressPump(int activityIdBase)
        {
            _activityIdBase = activityIdBase;
        }

        /// <summary>What engine code reports to; safe to call from any thread.</summary>
        public IProgress<OperationProgress> Sink => new ProgressCallback(value => _latest[value.Id] = value);

        /// <summary>Writes what changed since the last call. Pipeline thread only.</summary>
        public void Flush(Cmdlet cmdlet)
        {
            foreach (KeyValuePair<int, OperationProgress> entry in _latest)
            {
                if (!_latest.TryRemove(entry.Key, out OperationProgress? progress))
                {
                    continue;
                }

                if (progress.Completed)
                {
                    // A finished child (a part) closes its bar at once, so bars never pile up.
                    if (_bars.TryGetValue(progress.Id, out BarState? finished))
                    {
                        cmdlet.WriteProgress(CompletedRecord(progress.Id, finished.Activity));
                        _bars.Remove(progress.Id);
                    }

                    continue;
                }

                if (!_bars.TryGetValue(progress.Id, out BarState? bar))
                {
                    bar = new BarState(progress.Activity);
                    _bars.Add(progress.Id, bar);
                }

                cmdlet.WriteProgress(ToRecord(progress, bar.Stopwatch.Elapsed));
            }
        }

        /// <summary>Closes every bar this pump opened. Pipeline thread only.</summary>
        public void Complete(Cmdlet cmdlet)
        {
            foreach (KeyValuePair<int, BarState> bar in _bars)
            {
                cmdlet.WriteProgress(CompletedRecord(bar.Key, bar.Value.Activity));
            }

            _bars.Clear();
        }

        private ProgressRecord CompletedRecord(int id, string activity) =>
            new ProgressRecord(_activityIdBase + id, activity, "Completed") { RecordType = ProgressRecordType.Completed };

        private ProgressRecord ToRecord(OperationProgress progress, TimeSpan shownFor)
        {
            // The work's own clock when it has one: timing from the first flush (up to 250 ms after the work began,
            // or the whole run for a first report made at the end) overstates the rate. Bytes a resume found already
            // stored were not moved now, so they count for the percentage only. Over the first second the rate is
            // mostly read-ahead into buffers, so none is shown until then.
            TimeSpan elapsed = progress.Elapsed ?? shownFor;
            double? bytesPerSecond = elapsed >= s_rateAfter ? Math.Max(0, progress.BytesDone - progress.BytesResumed) / elapsed.TotalSeconds : (double?)null;
            string rate = bytesPerSecond is double known ? $" at {ByteSize.Format((long)known)}/s" : string.Empty;
            string status = progress.StatusDescription ?? (progress.BytesTotal is long total && total > 0
                ? $"{ByteSize.Format(progress.BytesDone)} of {ByteSize.Format(total)}{rate}"
                : $"{ByteSize.Format(progress.BytesDone)}{rate}");

            var record = new ProgressRecord(_activityIdBase + progress.Id, progress.Activity, status)
            {
                CurrentOperation = progress.CurrentOperation,
                ParentActivityId = progress.ParentId < 0 ? -1 : _activityIdBase + progress.ParentId,
            };

            if (progress.BytesTotal is long size && size > 0)
            {
                record.PercentComplete = (int)Math.Min(100, progress.BytesDone * 100 / size);
                if (progress.StatusDescription is null && bytesPerSecond is double perSecond && perSecond > 0 && progress.BytesDone > 0)
                {
                    record.SecondsRemaining = (int)Math.Ceiling((size - progress.BytesDone) / perSecond);
                }
            }

            return record;
        }

        private sealed class BarState
        {
            public BarState(string activity)
            {
                Activity = activity;
            }

            public string Activity { get; }

            public Stopwatch Stopwatch { get; } = Stopwatch.StartNew();
        }
    }
}
