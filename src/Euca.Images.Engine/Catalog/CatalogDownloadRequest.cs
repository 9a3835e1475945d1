using System;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>What <see cref="CatalogDownloader"/> fetches, where it puts it, and how hard it tries.</summary>
    public sealed class CatalogDownloadRequest
    {
        public CatalogDownloadRequest(Uri uri, string destination)
        {
            Uri = uri ?? throw new ArgumentNullException(nameof(uri));
            Destination = destination ?? throw new ArgumentNullException(nameof(destination));
        }

        public Uri Uri { get; }

        /// <summary>
        /// The finished file. Until it is complete and verified the bytes are in DESTINATION.part, with the server's
        /// validator (ETag or Last-Modified) in DESTINATION.part.validator, so a later run resumes them.
        /// </summary>
        public string Destination { get; }

        /// <summary>The size the catalog declares; a server giving another size is refused.</summary>
        public long? ExpectedSize { get; set; }

        /// <summary>The checksum of the whole downloaded file; null when the catalog gives none for the file itself.</summary>
        public CatalogChecksum? Checksum { get; set; }

        /// <summary>No download may be larger (a server announcing more is refused before anything is written).</summary>
        public long MaxBytes { get; set; } = 1L << 40;

        /// <summary>Tries in all, the first included; each retry resumes where the last stopped.</summary>
        public int MaxAttempts { get; set; } = 6;

        /// <summary>The wait before the first retry; it doubles with each retry, up to <see cref="MaxRetryDelay"/>.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>A connection that delivers no byte for this long is dropped and the download resumed on a new one.</summary>
        public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    }
}
