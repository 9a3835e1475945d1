using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// The stall timer of one object-storage request: bytes flowing either way (the body sent, the answer received)
    /// keep it alive; when none flow for the stall time, the request is cancelled as
    /// <see cref="TransferStalledException"/>, which the retry policy retries. A whole-request time-out cannot tell a
    /// slow transfer of a large part from a dead one; this can, within the stall time.
    /// </summary>
    internal sealed class StallWatch : IDisposable
    {
        private readonly TimeSpan _limit;
        private readonly CancellationTokenSource _source;
        private readonly Timer _timer;
        private int _lastTouch;

        public StallWatch(TimeSpan limit, CancellationToken outer)
        {
            _limit = limit;
            _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
            _lastTouch = Environment.TickCount;
            TimeSpan period = TimeSpan.FromMilliseconds(Math.Max(10, Math.Min(1000, limit.TotalMilliseconds / 4)));
            _timer = new Timer(_ => Check(), null, period, period);
        }

        /// <summary>Cancelled when the caller cancels or the transfer stalls.</summary>
        public CancellationToken Token => _source.Token;

        public bool Stalled { get; private set; }

        public TimeSpan Limit => _limit;

        public void Touch() => Volatile.Write(ref _lastTouch, Environment.TickCount);

        /// <summary>A stream whose reads and writes keep the watch alive and stop when it fires.</summary>
        public Stream Watch(Stream inner) => new WatchedStream(inner, this);

        /// <summary>Turns the cancellation this watch caused into <see cref="TransferStalledException"/>.</summary>
        public Exception Explain(Exception failure) =>
            Stalled && !(failure is TransferStalledException) ? new TransferStalledException(_limit, failure) : failure;

        private void Check()
        {
            if (unchecked(Environment.TickCount - Volatile.Read(ref _lastTouch)) > _limit.TotalMilliseconds && !Stalled)
            {
                Stalled = true;
                try
                {
                    _source.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The request ended as the timer fired.
                }
            }
        }

        public void Dispose()
        {
            _timer.Dispose();
            _source.Dispose();
        }

        private sealed class WatchedStream : Stream
        {
            private readonly Stream _inner;
            private readonly StallWatch _watch;

            public WatchedStream(Stream inner, StallWatch watch)
            {
                _inner = inner;
                _watch = watch;
            }

            public override bool CanRead => _inner.CanRead;

            public override bool CanSeek => _inner.CanSeek;

            public override bool CanWrite => false;

            public override long Length => _inner.Length;

            public override long Position { get => _inner.Position; set => _inner.Position = value; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                _watch.Token.ThrowIfCancellationRequested();
                int n = _inner.Read(buffer, offset, count);
                _watch.Touch();
                return n;
            }

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _watch.Token))
                {
                    try
                    {
                        int n = await _inner.ReadAsync(buffer, offset, count, linked.Token).ConfigureAwait(false);
                        _watch.Touch();
                        return n;
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested && _watch.Stalled)
                    {
                        throw new TransferStalledException(_watch.Limit, e);
                    }
                }
            }

            public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

            public override void Flush()
            {
            }

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }

    /// <summary>No bytes flowed for the stall time; retried like a time-out.</summary>
    internal sealed class TransferStalledException : TimeoutException
    {
        public TransferStalledException(TimeSpan limit, Exception inner)
            : base($"no bytes flowed for {limit.TotalSeconds:0.#} s (stall timer)", inner)
        {
        }
    }
}
