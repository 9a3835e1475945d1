using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;

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
        public async Task<int> UploadMissingPartsAsync(string bucket, ImportManifest manifest, PreparedDisk disk,
            IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            long total = manifest.Parts.Sum(p => p.Length);
            long done = 0;
            long resumed = 0;
            int sent = 0;
            var clock = Stopwatch.StartNew();
            string activity = "Uploading " + disk.FileName;
            int bufferSize = (int)Math.Min(int.MaxValue, manifest.Parts.Max(p => p.Length));
            // One part buffer per upload in flight, reused: memory stays flat whatever the disk size.
            var buffers = new ConcurrentBag<byte[]>();

            await Throttled.ForEachAsync(manifest.Parts, _options.ThrottleLimit, async (part, token) =>
            {
                long? stored = await _storage.TryGetSizeAsync(bucket, part.Key, token).ConfigureAwait(false);
                if (stored != part.Length)
                {
                    byte[] buffer = buffers.TryTake(out byte[]? idle) ? idle : new byte[bufferSize];
                    try
                    {
                        await disk.ReadAsync(part.Start, buffer, (int)part.Length, token).ConfigureAwait(false);
                        await _storage.PutAsync(bucket, part.Key, buffer, (int)part.Length, token).ConfigureAwait(false);
                    }
                    finally
                    {
                        buffers.Add(buffer);
                    }

                    Interlocked.Increment(ref sent);
                }
                else
                {
                    Interlocked.Add(ref resumed, part.Length);
                }

                long now = Interlocked.Add(ref done, part.Length);
                progress?.Report(new OperationProgress(activity, now, total, $"part {part.Index + 1} of {manifest.Parts.Count}",
                    elapsed: clock.Elapsed, bytesResumed: Interlocked.Read(ref resumed)));
            }, cancellationToken).ConfigureAwait(false);

            return sent;
        }
    }
}
