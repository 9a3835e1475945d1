using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Memory for parts that are bundled but not yet stored: at most a fixed number of part-sized buffers, allocated on
    /// first use and then reused, so memory stays flat whatever the image size. Waiting for a free buffer is the
    /// backpressure that holds bundling back when uploads fall behind.
    /// </summary>
    internal sealed class PendingPartBuffers : IDisposable
    {
        private readonly SemaphoreSlim _free;
        private readonly Stack<byte[]> _idle = new Stack<byte[]>();
        private readonly object _gate = new object();
        private readonly int _bufferSize;
        private int _inUse;

        public PendingPartBuffers(int count, int bufferSize)
        {
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one buffer is needed.");
            _free = new SemaphoreSlim(count);
            _bufferSize = bufferSize;
        }

        /// <summary>The most buffers that were rented at once (tests check the bound).</summary>
        public int MostInUse { get; private set; }

        public async Task<byte[]> RentAsync(CancellationToken ct)
        {
            await _free.WaitAsync(ct).ConfigureAwait(false);
            lock (_gate)
            {
                _inUse++;
                MostInUse = Math.Max(MostInUse, _inUse);
                return _idle.Count > 0 ? _idle.Pop() : new byte[_bufferSize];
            }
        }

        public void Return(byte[] buffer)
        {
            lock (_gate)
            {
                _inUse--;
                _idle.Push(buffer);
            }

            _free.Release();
        }

        public void Dispose() => _free.Dispose();
    }
}
