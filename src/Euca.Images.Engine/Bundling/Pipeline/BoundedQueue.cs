using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Bundling.Pipeline
{
    /// <summary>
    /// A bounded FIFO between pipeline stages that both blocking worker threads and async stages can use (netstandard2.0
    /// has no Channels). The bound keeps memory flat: a fast producer waits for the slower consumer.
    /// A completed queue yields the default value (null) to its consumer after the last item.
    /// </summary>
    internal sealed class BoundedQueue<T> where T : class
    {
        private readonly ConcurrentQueue<T?> items = new ConcurrentQueue<T?>();
        private readonly SemaphoreSlim freeSlots;
        private readonly SemaphoreSlim filledSlots = new SemaphoreSlim(0);

        public BoundedQueue(int capacity)
        {
            freeSlots = new SemaphoreSlim(capacity);
        }

        public void Add(T item, CancellationToken ct)
        {
            freeSlots.Wait(ct);
            Enqueue(item);
        }

        public async Task AddAsync(T item, CancellationToken ct)
        {
            await freeSlots.WaitAsync(ct).ConfigureAwait(false);
            Enqueue(item);
        }

        /// <summary>Marks the end; the consumer receives null after the items already queued.</summary>
        public void Complete() => Enqueue(null);

        public T? Take(CancellationToken ct)
        {
            filledSlots.Wait(ct);
            return Dequeue();
        }

        public async Task<T?> TakeAsync(CancellationToken ct)
        {
            await filledSlots.WaitAsync(ct).ConfigureAwait(false);
            return Dequeue();
        }

        private void Enqueue(T? item)
        {
            items.Enqueue(item);
            filledSlots.Release();
        }

        private T? Dequeue()
        {
            items.TryDequeue(out T? item);
            if (item != null)
            {
                freeSlots.Release();
            }
            return item;
        }
    }
}
