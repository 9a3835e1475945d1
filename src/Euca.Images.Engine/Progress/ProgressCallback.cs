using System;

namespace Euca.Images.Engine.Progress
{
    /// <summary>
    /// An <see cref="IProgress{T}"/> that calls a delegate on the reporting thread. Unlike Progress&lt;T&gt; it posts to
    /// no synchronization context. The cmdlet assembly uses it instead of implementing the interface itself: a type
    /// there that names an engine type in its interfaces would make PowerShell load the engine while it scans the
    /// module, before the module's load context exists.
    /// </summary>
    public sealed class ProgressCallback : IProgress<OperationProgress>
    {
        private readonly Action<OperationProgress> _report;

        public ProgressCallback(Action<OperationProgress> report)
        {
            _report = report ?? throw new ArgumentNullException(nameof(report));
        }

        public void Report(OperationProgress value) => _report(value);
    }
}
