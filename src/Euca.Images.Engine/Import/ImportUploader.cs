using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// Sends the parts of a manifest that object storage does not hold yet (HEAD each; PUT when missing or of
    /// the wrong size), several at a time. Memory is one part buffer per worker, whatever the disk size.
    /// </summary>
    internal sealed class ImportUploader
    {
        private readonly ImportStorage _storage;
        private readonly ImportUploadOptions _options;

        public ImportUploader(ImportStorage storage, ImportUploadOptions options)
        {
            _storage = storage;
            _options = options;
        }

        /// <summary>Returns how many parts were sent; parts already stored with the right size are skipped.</summary>
        public async Task<int> UploadMissingPartsAsync(string bucket, ImportManifest manifest, string path,
            IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            long total = manifest.Parts.Sum(p => p.Length);
            long done = 0;
            int sent = 0;
            string activity = "Uploading " + Path.GetFileName(path);
            var queue = new ConcurrentQueue<ImportManifestPart>(manifest.Parts);
            int bufferSize = (int)Math.Min(int.MaxValue, manifest.Parts.Max(p => p.Length));

            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                async Task WorkAsync()
                {
                    var buffer = new byte[bufferSize];
                    using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true))
                    {
                        while (queue.TryDequeue(out ImportManifestPart? part))
                        {
                            stop.Token.ThrowIfCancellationRequested();
                            long? stored = await _storage.TryGetSizeAsync(bucket, part.Key, stop.Token).ConfigureAwait(false);
                            if (stored != part.Length)
                            {
                                int length = await ReadSliceAsync(file, part, buffer, stop.Token).ConfigureAwait(false);
                                await _storage.PutAsync(bucket, part.Key, buffer, length, stop.Token).ConfigureAwait(false);
                                Interlocked.Increment(ref sent);
                            }

                            long now = Interlocked.Add(ref done, part.Length);
                            progress?.Report(new OperationProgress(activity, now, total, $"part {part.Index + 1} of {manifest.Parts.Count}"));
                        }
                    }
                }

                var workers = Enumerable.Range(0, Math.Max(1, Math.Min(_options.ThrottleLimit, manifest.Parts.Count)))
                    .Select(_ => Task.Run(async () =>
                    {
                        try
                        {
                            await WorkAsync().ConfigureAwait(false);
                        }
                        catch
                        {
                            stop.Cancel(); // one failed part stops the others: the import is resumable anyway
                            throw;
                        }
                    }))
                    .ToList();
                try
                {
                    await Task.WhenAll(workers).ConfigureAwait(false);
                }
                catch
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // Report the first real failure, not the cancellations it caused in the other workers.
                    Exception first = workers.Where(w => w.IsFaulted).Select(w => w.Exception!.InnerException!).FirstOrDefault()
                        ?? new OperationCanceledException();
                    throw first;
                }
            }

            return sent;
        }

        private static async Task<int> ReadSliceAsync(FileStream file, ImportManifestPart part, byte[] buffer, CancellationToken cancellationToken)
        {
            file.Position = part.Start;
            int length = (int)part.Length;
            int read = 0;
            while (read < length)
            {
                int n = await file.ReadAsync(buffer, read, length - read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new EucaException("ImportFileChanged", EucaErrorCategory.InvalidData,
                        $"'{file.Name}' ended at byte {part.Start + read}, inside part {part.Index}: the file changed during the import.", file.Name);
                }

                read += n;
            }

            return length;
        }
    }
}
