using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// A write-only stream that stores what is written as one object through a multipart upload: bytes fill a part
    /// buffer, a full buffer is sent while the next one fills, and a writer that gets ahead waits for that send. Memory
    /// is two part buffers whatever the object's size. <see cref="CompleteAsync"/> sends the last part and completes
    /// the upload; <see cref="AbortAsync"/> removes what was sent.
    /// </summary>
    internal sealed class MultipartUploadStream : Stream
    {
        /// <summary>S3's smallest part (except the last).</summary>
        public const int MinimumPartSize = 5 * 1024 * 1024;

        private readonly ObjectStore _store;
        private readonly string _bucket;
        private readonly string _key;
        private readonly string _uploadId;
        private readonly CancellationToken _ct;
        private readonly List<PartETag> _sent = new List<PartETag>();
        private byte[] _filling;
        private byte[] _spare;
        private int _filled;
        private Task<PartETag>? _inFlight;
        private long _length;

        private MultipartUploadStream(ObjectStore store, string bucket, string key, string uploadId, int partSize, CancellationToken ct)
        {
            _store = store;
            _bucket = bucket;
            _key = key;
            _uploadId = uploadId;
            _ct = ct;
            _filling = new byte[partSize];
            _spare = new byte[partSize];
        }

        public static async Task<MultipartUploadStream> StartAsync(ObjectStore store, string bucket, string key, int partSize, CancellationToken ct)
        {
            if (partSize < MinimumPartSize) throw new ArgumentOutOfRangeException(nameof(partSize), $"Parts are at least {MinimumPartSize} bytes.");
            string uploadId = await store.StartMultipartAsync(bucket, key, ct).ConfigureAwait(false);
            return new MultipartUploadStream(store, bucket, key, uploadId, partSize, ct);
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int n = Fill(buffer, offset, count);
                offset += n;
                count -= n;
                if (_filled == _filling.Length)
                {
                    // The payload reader writes synchronously from its own pipeline stage, so waiting here only holds
                    // that stage back while the previous part is still being sent.
                    SendFilledAsync().GetAwaiter().GetResult();
                }
            }
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            while (count > 0)
            {
                int n = Fill(buffer, offset, count);
                offset += n;
                count -= n;
                if (_filled == _filling.Length)
                {
                    await SendFilledAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>Sends what is left (an empty object still gets its one part) and completes the upload.</summary>
        public async Task CompleteAsync()
        {
            if (_filled > 0 || _sent.Count == 0 && _inFlight == null)
            {
                await SendFilledAsync().ConfigureAwait(false);
            }

            await WaitInFlightAsync().ConfigureAwait(false);
            await _store.CompleteMultipartAsync(_bucket, _key, _uploadId, _sent, _ct).ConfigureAwait(false);
        }

        /// <summary>Abandons the upload; the store discards the parts sent.</summary>
        public async Task AbortAsync()
        {
            try
            {
                await WaitInFlightAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The part in flight failed or was cancelled: the upload is abandoned anyway.
            }

            await _store.AbortMultipartAsync(_bucket, _key, _uploadId, CancellationToken.None).ConfigureAwait(false);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Copies as much as the part buffer takes; returns how much that was.</summary>
        private int Fill(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, _filling.Length - _filled);
            Buffer.BlockCopy(buffer, offset, _filling, _filled, n);
            _filled += n;
            _length += n;
            return n;
        }

        private async Task SendFilledAsync()
        {
            await WaitInFlightAsync().ConfigureAwait(false);
            byte[] data = _filling;
            int length = _filled;
            int partNumber = _sent.Count + 1;
            _filling = _spare;
            _spare = data;
            _filled = 0;
            _inFlight = Task.Run(() => _store.UploadPartAsync(_bucket, _key, _uploadId, partNumber, data, length, _ct));
        }

        private async Task WaitInFlightAsync()
        {
            if (_inFlight != null)
            {
                Task<PartETag> sending = _inFlight;
                _inFlight = null;
                _sent.Add(await sending.ConfigureAwait(false));
            }
        }
    }
}
