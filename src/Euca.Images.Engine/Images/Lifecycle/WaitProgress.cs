using System;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Images.Lifecycle
{
    /// <summary>Progress of a wait: elapsed against the timeout, with the state seen last as the status text.</summary>
    internal static class WaitProgress
    {
        public static OperationProgress Create(string activity, TimeSpan elapsed, TimeSpan timeout, string status) =>
            new OperationProgress(activity, (long)elapsed.TotalMilliseconds, (long)timeout.TotalMilliseconds,
                statusDescription: $"{status} ({elapsed.TotalSeconds:0} s of {timeout.TotalSeconds:0} s)");
    }
}
