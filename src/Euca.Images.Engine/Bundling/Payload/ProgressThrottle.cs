using System;
using System.Diagnostics;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Reports the first call, then at most about four times a second (plus forced final states), so hosts are not
    /// flooded; each report carries the time since the throttle was made, which is when the work started.
    /// </summary>
    internal sealed class ProgressThrottle
    {
        private static readonly long Interval = Stopwatch.Frequency / 4;
        private readonly IProgress<OperationProgress>? progress;
        private readonly string activity;
        private readonly long? total;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private bool reported;
        private long lastReport;

        public ProgressThrottle(IProgress<OperationProgress>? progress, string activity, long? total)
        {
            this.progress = progress;
            this.activity = activity;
            this.total = total;
        }

        public void Report(long done, bool force = false)
        {
            if (progress == null)
            {
                return;
            }

            // Ticks since the start rather than raw timestamps: an initial "never" of long.MinValue made the
            // interval check overflow, so nothing was reported until the forced final state.
            long now = clock.ElapsedTicks;
            if (force || !reported || now - lastReport >= Interval)
            {
                reported = true;
                lastReport = now;
                progress.Report(new OperationProgress(activity, done, total, elapsed: clock.Elapsed));
            }
        }
    }
}
