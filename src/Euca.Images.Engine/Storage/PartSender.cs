using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Uploads one part (or, with resume, finds it already stored with the same size and MD5), reporting its bytes
    /// and recording it in the journal. Failures name the part's bucket and key and say how to resume or clean up.
    /// </summary>
    internal sealed class PartSender
    {
        private readonly ObjectStore _store;
        private readonly ManifestLocation _location;
        private readonly string _acl;
        private readonly TransferProgress _progress;
        private readonly BundleTransferJournal _journal;
        private long _bytesSent;
        private int _sent;
        private int _skipped;

        public PartSender(ObjectStore store, ManifestLocation location, string acl, TransferProgress progress, BundleTransferJournal journal)
        {
            _store = store;
            _location = location;
            _acl = acl;
            _progress = progress;
            _journal = journal;
        }

        public int Sent => Volatile.Read(ref _sent);

        public int Skipped => Volatile.Read(ref _skipped);

        public long BytesSent => Interlocked.Read(ref _bytesSent);

        public async Task SendAsync(LocalPart part, bool resume, CancellationToken ct)
        {
            string key = _location.KeyFor(part.FileName);
            long counted = 0;
            try
            {
                await new StorageCall($"Uploading part {part.FileName}", _location.Bucket, key, ErrorIds.StoragePartUploadFailed,
                    BundleTransferJournal.Advice(_journal.ResumeAdvice, _location.ToString())).RunAsync(async token =>
                {
                    if (resume && await IsStoredAsync(part, key, token).ConfigureAwait(false))
                    {
                        _journal.Stored(key);
                        Interlocked.Increment(ref _skipped);
                        _progress.PartResumed(part.Index, part.FileName, part.Size);
                        return;
                    }

                    long size = await _store.PutAsync(_location.Bucket, key, part.OpenBody, part.Md5Hex, _acl, sent =>
                    {
                        // A retried attempt starts again from zero, so the delta may be negative.
                        long delta = sent - counted;
                        counted = sent;
                        _progress.PartAdvanced(part.Index, part.FileName, sent, part.Size, delta);
                    }, token).ConfigureAwait(false);
                    _journal.Stored(key);
                    Interlocked.Increment(ref _sent);
                    Interlocked.Add(ref _bytesSent, size);
                    _progress.PartFinished(part.Index, part.FileName, part.Size - counted);
                }, ct).ConfigureAwait(false);
            }
            catch
            {
                // Failed or cancelled: the bytes counted for this part no longer count towards the total.
                _progress.PartFinished(part.Index, part.FileName, -counted);
                throw;
            }
        }

        private async Task<bool> IsStoredAsync(LocalPart part, string key, CancellationToken ct)
        {
            StoredObject? stored = await _store.HeadAsync(_location.Bucket, key, ct).ConfigureAwait(false);
            return stored != null && stored.Size == part.Size && string.Equals(stored.ETag, part.Md5Hex, StringComparison.OrdinalIgnoreCase);
        }
    }
}
