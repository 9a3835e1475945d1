using System;
using System.Diagnostics;
using System.IO;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>What one download has done across its attempts: sizes, bytes received, the running hash, retries.</summary>
    internal sealed class DownloadState
    {
        private readonly CatalogDownloadRequest _request;
        private readonly IProgress<OperationProgress>? _progress;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly string _activity;

        public DownloadState(CatalogDownloadRequest request, IProgress<OperationProgress>? progress)
        {
            _request = request;
            _progress = progress;
            _activity = "Downloading " + request.Uri;
        }

        public int Attempts { get; set; }

        /// <summary>The file's size as the server gives it; null when it sends no length (chunked).</summary>
        public long? Total { get; set; }

        public long Length { get; set; }

        public long Received { get; set; }

        public string LastFailure { get; set; } = string.Empty;

        public ChecksumHasher? Hasher { get; private set; }

        /// <summary>How many leading bytes of the part file <see cref="Hasher"/> has seen.</summary>
        public long HashedLength { get; set; }

        public TimeSpan NextDelay()
        {
            double seconds = _request.RetryDelay.TotalSeconds * Math.Pow(2, Math.Max(0, Attempts - 1));
            return TimeSpan.FromSeconds(Math.Min(seconds, _request.MaxRetryDelay.TotalSeconds));
        }

        public void CheckSize(Uri uri)
        {
            if (Total is long total && (total > _request.MaxBytes || (_request.ExpectedSize is long expected && expected != total)))
            {
                throw new EucaException(ErrorIds.CatalogDownloadSizeMismatch, EucaErrorCategory.InvalidData,
                    total > _request.MaxBytes
                        ? $"{uri} is {total} bytes, more than the {_request.MaxBytes} a download may have."
                        : $"{uri} is {total} bytes on the server, but the catalog says {_request.ExpectedSize}.", uri.ToString());
            }
        }

        public void RestartHash()
        {
            Hasher?.Dispose();
            Hasher = _request.Checksum is null ? null : new ChecksumHasher(_request.Checksum.Algorithm);
            HashedLength = 0;
        }

        /// <summary>
        /// Brings the hash up to the resume offset. Within one run the hash already covers exactly the kept bytes; a
        /// run resuming an earlier run's part file hashes that part from disk once.
        /// </summary>
        public void CatchUpHash(FileStream kept, long have)
        {
            if (_request.Checksum is null || (Hasher != null && HashedLength == have))
            {
                return;
            }

            RestartHash();
            var buffer = new byte[1 << 16];
            kept.Position = 0;
            while (HashedLength < have)
            {
                int n = kept.Read(buffer, 0, (int)Math.Min(buffer.Length, have - HashedLength));
                if (n == 0)
                {
                    throw new IOException($"'{kept.Name}' ended before byte {have}.");
                }

                Hasher!.Append(buffer, 0, n);
                HashedLength += n;
            }
        }

        /// <summary>Bytes, rate and time left: the rate counts only bytes this run received, not those resumed.</summary>
        public void Report(long position) =>
            _progress?.Report(new OperationProgress(_activity, position, Total, elapsed: _clock.Elapsed, bytesResumed: position - Received));
    }
}
