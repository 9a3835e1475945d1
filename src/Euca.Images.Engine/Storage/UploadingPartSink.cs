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
    /// Uploads each part as soon as the payload writer completes it (euca-bundle-and-upload-image). A part is
    /// written to a file first, because a retried PUT must be able to send it again; the file is removed once the
    /// part is stored. At most <c>maxPartsOnDisk</c> parts exist locally at once (the one being written included):
    /// the writer waits for a slot, which is the backpressure that keeps disk use flat when uploads are slower than
    /// bundling. The first failed upload stops the writer at its next part.
    /// </summary>
    internal sealed class UploadingPartSink : IPartSink
    {
        private readonly string _directory;
        private readonly PartSender _sender;
        private readonly bool _keepParts;
        private readonly SemaphoreSlim _slots;
        private readonly CancellationTokenSource _uploads = new CancellationTokenSource();
        private readonly object _gate = new object();
        private readonly List<Task> _inFlight = new List<Task>();
        private readonly List<string> _onDisk = new List<string>();
        private Exception? _failure;
        private HashingWriteStream? _current;
        private string? _currentPath;
        private int _partsOnDisk;

        public UploadingPartSink(string directory, PartSender sender, int maxPartsOnDisk, bool keepParts)
        {
            _directory = directory;
            _sender = sender;
            _keepParts = keepParts;
            _slots = new SemaphoreSlim(Math.Max(1, maxPartsOnDisk));
        }

        /// <summary>The most part files that were on disk at once (tests check the bound).</summary>
        public int MaxPartsOnDisk { get; private set; }

        public async Task<Stream> BeginPartAsync(int index, string fileName, CancellationToken ct)
        {
            ThrowIfUploadFailed();
            await _slots.WaitAsync(ct).ConfigureAwait(false);
            ThrowIfUploadFailed();
            lock (_gate)
            {
                _partsOnDisk++;
                MaxPartsOnDisk = Math.Max(MaxPartsOnDisk, _partsOnDisk);
            }

            Directory.CreateDirectory(_directory);
            _currentPath = Path.Combine(_directory, fileName);
            lock (_gate)
            {
                _onDisk.Add(_currentPath);
            }

            _current = new HashingWriteStream(new FileStream(_currentPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1, FileOptions.None));
            return _current;
        }

        public Task CompletePartAsync(PayloadPart part, CancellationToken ct)
        {
            HashingWriteStream stream = _current!;
            string path = _currentPath!;
            _current = null;
            _currentPath = null;
            string md5 = stream.FinishMd5();
            stream.Dispose();
            var local = new LocalPart(part.Index, part.FileName, path, part.Size, md5);
            lock (_gate)
            {
                _inFlight.Add(Task.Run(() => UploadAsync(local)));
            }

            ThrowIfUploadFailed();
            return Task.CompletedTask;
        }

        public async Task FinishAsync(CancellationToken ct)
        {
            Task[] pending;
            lock (_gate)
            {
                pending = _inFlight.ToArray();
            }

            using (ct.Register(() => _uploads.Cancel()))
            {
                await Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            }

            ct.ThrowIfCancellationRequested();
            ThrowIfUploadFailed();
        }

        public async Task AbortAsync()
        {
            _uploads.Cancel();
            _current?.Dispose();
            _current = null;
            Task[] pending;
            lock (_gate)
            {
                pending = _inFlight.ToArray();
            }

            await Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            lock (_gate)
            {
                foreach (string path in _onDisk)
                {
                    TryDelete(path);
                }

                _onDisk.Clear();
            }
        }

        private async Task UploadAsync(LocalPart part)
        {
            try
            {
                await _sender.SendAsync(part, resume: false, _uploads.Token).ConfigureAwait(false);
                if (!_keepParts)
                {
                    TryDelete(part.Path);
                    lock (_gate)
                    {
                        _onDisk.Remove(part.Path);
                    }
                }
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
                lock (_gate)
                {
                    _partsOnDisk--;
                }

                _slots.Release();
            }
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
