using System;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Migration
{
    /// <summary>Ctrl+C during a wait for a cloud task also stops the task in the cloud.</summary>
    internal static class TaskCancellation
    {
        /// <summary>
        /// Runs <paramref name="wait"/>; when it ends because <paramref name="cancellationToken"/> fired, calls
        /// <paramref name="cancelInCloud"/> (without the fired token, so the call can still be made) and rethrows. A
        /// failing cancel call does not hide the cancellation.
        /// </summary>
        public static async Task<T> CancelInCloudWhenStoppedAsync<T>(Func<CancellationToken, Task<T>> wait, Func<Task> cancelInCloud, CancellationToken cancellationToken)
        {
            try
            {
                return await wait(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await cancelInCloud().ConfigureAwait(false);
                }
                catch (Errors.EucaException)
                {
                    // The task may have ended meanwhile, or the cloud is unreachable: the user asked to stop, so stop.
                }

                throw;
            }
        }
    }
}
