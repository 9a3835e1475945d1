using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Runs a body for each item with at most <c>limit</c> at once (netstandard2.0 has no Parallel.ForEachAsync).
    /// The first failure cancels the rest; it is the one rethrown, not the cancellations it caused.
    /// </summary>
    internal static class Throttled
    {
        public static async Task ForEachAsync<T>(IEnumerable<T> items, int limit, Func<T, CancellationToken, Task> body, CancellationToken ct)
        {
            using (var failed = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var gate = new object();
                using (IEnumerator<T> source = items.GetEnumerator())
                {
                    async Task Worker()
                    {
                        while (true)
                        {
                            T item;
                            lock (gate)
                            {
                                if (failed.IsCancellationRequested || !source.MoveNext())
                                {
                                    return;
                                }

                                item = source.Current;
                            }

                            try
                            {
                                await body(item, failed.Token).ConfigureAwait(false);
                            }
                            catch
                            {
                                failed.Cancel();
                                throw;
                            }
                        }
                    }

                    Task[] workers = Enumerable.Range(0, Math.Max(1, limit)).Select(_ => Task.Run(Worker)).ToArray();
                    try
                    {
                        await Task.WhenAll(workers).ConfigureAwait(false);
                    }
                    catch
                    {
                        ct.ThrowIfCancellationRequested();
                        Exception first = workers.Where(w => w.IsFaulted).Select(w => w.Exception!.InnerException!)
                            .FirstOrDefault(e => !(e is OperationCanceledException)) ?? new OperationCanceledException(ct);
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
                        throw;
                    }
                }
            }
        }
    }
}
