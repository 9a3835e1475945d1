using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Bundling.Pipeline
{
    /// <summary>
    /// Runs the stages of one pipeline: CPU-bound stages on dedicated threads, all sharing one cancellation
    /// source, so that the first failure stops every stage; afterwards the root cause is rethrown, not the
    /// cancellations it caused.
    /// </summary>
    internal sealed class PipelineStages : IDisposable
    {
        private readonly CancellationToken callerToken;
        private readonly CancellationTokenSource source;
        private readonly List<Task> stages = new List<Task>();

        public PipelineStages(CancellationToken callerToken)
        {
            this.callerToken = callerToken;
            source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        }

        public CancellationToken Token => source.Token;

        public void StartThread(Action<CancellationToken> stage)
        {
            stages.Add(Task.Factory.StartNew(() => Guard(stage), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        public void StartAsync(Func<CancellationToken, Task> stage)
        {
            stages.Add(Task.Run(async () =>
            {
                try
                {
                    await stage(source.Token).ConfigureAwait(false);
                }
                catch
                {
                    source.Cancel();
                    throw;
                }
            }));
        }

        /// <summary>
        /// Runs the final stage on the caller's flow, then waits for every stage and rethrows the root cause: the
        /// first non-cancellation failure in the order the stages were started (so an earlier stage's verdict,
        /// such as a corrupt part, wins over the errors it caused downstream), the final stage last.
        /// </summary>
        public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> finalStage)
        {
            Task<T> final = finalStage(source.Token);
            try
            {
                await final.ConfigureAwait(false);
            }
            catch
            {
                source.Cancel();
            }
            try
            {
                await Task.WhenAll(stages).ConfigureAwait(false);
            }
            catch
            {
                // Examined below together with the final stage.
            }
            IEnumerable<Exception> failures = stages.Append(final)
                .Where(t => t.IsFaulted)
                .SelectMany(t => t.Exception!.InnerExceptions);
            Exception? root = failures.FirstOrDefault(e => !(e is OperationCanceledException));
            if (root != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(root).Throw();
            }
            if (final.IsCanceled || final.IsFaulted || stages.Any(t => t.IsCanceled || t.IsFaulted))
            {
                callerToken.ThrowIfCancellationRequested();
                throw new OperationCanceledException(source.Token);
            }
            return final.Result;
        }

        /// <summary>Awaits a task, or stops waiting when the pipeline is cancelled (a stalled stage then never completes it).</summary>
        public static async Task WaitAsync(Task task, CancellationToken ct)
        {
            if (!task.IsCompleted)
            {
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (ct.Register(() => cancelled.TrySetCanceled(ct)))
                {
                    await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false);
                }
                ct.ThrowIfCancellationRequested();
            }
            await task.ConfigureAwait(false);
        }

        private void Guard(Action<CancellationToken> stage)
        {
            try
            {
                stage(source.Token);
            }
            catch
            {
                source.Cancel();
                throw;
            }
        }

        public void Dispose() => source.Dispose();
    }
}
