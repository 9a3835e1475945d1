using System;
using System.Diagnostics;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>Reports at most about four times a second (plus the final state), so hosts are not flooded.</summary>
    internal sealed class ProgressThrottle
    {
        private static readonly long Interval = Stopwatch.Frequency / 4;
        private readonly IProgress<OperationProgress>? progress;
        private readonly string activity;
        private readonly long? total;
        private long lastReport = long.MinValue;

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
            long now = Stopwatch.GetTimestamp();
            if (force || now - lastReport >= Interval)
            {
                lastReport = now;
                progress.Report(new OperationProgress(activity, done, total));
            }
        }
    }
}
