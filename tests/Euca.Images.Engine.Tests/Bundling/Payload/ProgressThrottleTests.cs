using System;
using System.Collections.Generic;
using System.Threading;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Tests.Bundling.Payload
{
    public sealed class ProgressThrottleTests
    {
        [Fact]
        public void TheFirstCallIsReportedAtOnceAndCallsInTheNextQuarterSecondAreNot()
        {
            var reports = new List<OperationProgress>();
            var throttle = new ProgressThrottle(new ProgressCallback(reports.Add), "Bundling", 100);

            throttle.Report(1);
            throttle.Report(2);
            throttle.Report(3);

            OperationProgress only = Assert.Single(reports);
            Assert.Equal(1, only.BytesDone);
            Assert.Equal(100, only.BytesTotal);
        }

        [Fact]
        public void ACallAQuarterSecondLaterIsReportedWithTheTimeSinceTheWorkStarted()
        {
            var reports = new List<OperationProgress>();
            var throttle = new ProgressThrottle(new ProgressCallback(reports.Add), "Bundling", 100);
            throttle.Report(1);
            Thread.Sleep(300);

            throttle.Report(50);

            Assert.Equal(2, reports.Count);
            Assert.Equal(50, reports[1].BytesDone);
            Assert.True(reports[1].Elapsed >= TimeSpan.FromMilliseconds(280), $"elapsed {reports[1].Elapsed}");
        }

        [Fact]
        public void AForcedReportIsNeverThrottled()
        {
            var reports = new List<OperationProgress>();
            var throttle = new ProgressThrottle(new ProgressCallback(reports.Add), "Bundling", 100);
            throttle.Report(1);

            throttle.Report(100, force: true);

            Assert.Equal(new long[] { 1, 100 }, reports.ConvertAll(r => r.BytesDone));
        }
    }
}
