using System;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool), so a test can act at the
    /// moment of a report, for example press Ctrl+C.</summary>
    internal sealed class SynchronousProgress : IProgress<OperationProgress>
    {
        private readonly Action<OperationProgress> _report;

        public SynchronousProgress(Action<OperationProgress> report) => _report = report;

        public void Report(OperationProgress value) => _report(value);
    }
}
