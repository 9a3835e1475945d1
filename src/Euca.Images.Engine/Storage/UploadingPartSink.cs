using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Uploads each part as soon as the payload writer completes it (euca-bundle-and-upload-image). A part is kept in
    /// a memory buffer until it is stored, because a retried PUT must be able to send it again; nothing goes to disk
    /// unless the bundle is kept, so a 100 GiB image costs no local disk and no page-cache churn. At most
    /// <see cref="PendingPartBuffers"/> parts are pending at once (the one being written included): the writer waits
    /// for a free buffer, which keeps memory flat when uploads are slower than bundling. The first failed upload stops
    /// the writer at its next part.
    /// </summary>
    internal sealed class UploadingPartSink : IPartSink, IDisposable
    {
        private readonly string _directory;
        private readonly PartSender _sender;
        private readonly bool _keepParts;
        private readonly PendingPartBuffers _buffers;
        private readonly CancellationTokenSource _uploads = new CancellationTokenSource();
        private readonly object _gate = new object();
        private readonly List<Task> _inFlight = new List<Task>();
        private readonly List<string> _keptFiles = new List<string>();
        private Exception? _failure;
        private HashingWriteStream? _current;
        private byte[]? _currentBuffer;

        /// <param name="keepParts">Also write every part to a file in <paramref name="directory"/>.</param>
        public UploadingPartSink(string directory, PartSender sender, PendingPartBuffers buffers, bool keepParts)
        {
            _directory = directory;
            _sender = sender;
            _buffers = buffers;
            _keepParts = keepParts;
        }

        public async Task<Stream> BeginPartAsync(int index, string fileName, CancellationToken ct)
        {
            ThrowIfUploadFailed();
            byte[] buffer = await _buffers.RentAsync(ct).ConfigureAwait(false);
            try
            {
                ThrowIfUploadFailed();
            }
            catch
            {
                _buffers.Return(buffer);
                throw;
            }

            _currentBuffer = buffer;
            // A fixed-capacity stream: the splitter never writes more than the part size the buffer was made for.
            _current = new HashingWriteStream(new MemoryStream(buffer, 0, buffer.Length, writable: true));
            return _current;
        }

        public Task CompletePartAsync(PayloadPart part, CancellationToken ct)
        {
            HashingWriteStream stream = _current!;
            byte[] buffer = _currentBuffer!;
            _current = null;
            _currentBuffer = null;
            string md5 = stream.FinishMd5();
            stream.Dispose();
            int size = checked((int)part.Size);
            if (_keepParts)
            {
                KeepPart(part.FileName, buffer, size);
            }

            LocalPart local = LocalPart.FromBuffer(part.Index, part.FileName, buffer, size, md5);
            lock (_gate)
            {
                // Finished uploads are dropped (they never fault: a failure is kept in _failure), so the list stays as
                // short as the pending parts however many parts the image has.
                _inFlight.RemoveAll(upload => upload.IsCompleted);
                _inFlight.Add(Task.Run(() => UploadAsync(local, buffer)));
            }

            ThrowIfUploadFailed();
            return Task.CompletedTask;
        }

        public async Task FinishAsync(CancellationToken ct)
        {
            using (ct.Register(() => _uploads.Cancel()))
            {
                await WhenUploadsEnd().ConfigureAwait(false);
            }

            ct.ThrowIfCancellationRequested();
            ThrowIfUploadFailed();
        }

        public async Task AbortAsync()
        {
            _uploads.Cancel();
            _current?.Dispose();
            _current = null;
            await WhenUploadsEnd().ConfigureAwait(false);
            lock (_gate)
            {
                foreach (string path in _keptFiles)
                {
                    TryDelete(path);
                }

                _keptFiles.Clear();
            }
        }

        public void Dispose() => _uploads.Dispose();

        private void KeepPart(string fileName, byte[] buffer, int size)
        {
            Directory.CreateDirectory(_directory);
            string path = Path.Combine(_directory, fileName);
            lock (_gate)
            {
                _keptFiles.Add(path);
            }

            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1, FileOptions.None))
            {
                file.Write(buffer, 0, size);
            }
        }

        private async Task UploadAsync(LocalPart part, byte[] buffer)
        {
            try
            {
                await _sender.SendAsync(part, resume: false, _uploads.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure ??= e;
                }

                _uploads.Cancel();
            }
            finally
            {
                _buffers.Return(buffer);
            }
        }

        /// <summary>Every upload started so far has ended, whether it succeeded or not.</summary>
        private Task WhenUploadsEnd()
        {
            Task[] pending;
            lock (_gate)
            {
                pending = _inFlight.ToArray();
            }

            return Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        private void ThrowIfUploadFailed()
        {
            Exception? failure;
            lock (_gate)
            {
                failure = _failure;
            }

            if (failure != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort: the part is in a folder of the bundle that the caller reports.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
