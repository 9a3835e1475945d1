using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Polls a cloud task (bundle task, snapshot, conversion task) until it is finished, reporting each state, or
    /// until the timeout passes; then the error that <c>timeoutError</c> makes from the last state is thrown.
    /// </summary>
    internal static class TaskPoller
    {
        public static async Task<T> PollAsync<T>(
            Func<CancellationToken, Task<T>> describe,
            Func<T, bool> isFinished,
            Action<T> report,
            TimeSpan timeout,
            TimeSpan interval,
            Func<T, EucaException> timeoutError,
            CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                T current = await describe(cancellationToken).ConfigureAwait(false);
                report(current);
                if (isFinished(current))
                {
                    return current;
                }

                if (clock.Elapsed >= timeout)
                {
                    throw timeoutError(current);
                }

                TimeSpan left = timeout - clock.Elapsed;
                await Task.Delay(left < interval ? left : interval, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
