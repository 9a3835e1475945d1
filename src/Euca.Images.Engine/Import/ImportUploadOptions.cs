using System;

namespace Euca.Images.Engine.Import
{
    /// <summary>How parts are sent: parallelism, part size and the retry schedule of transient failures.</summary>
    public sealed class ImportUploadOptions
    {
        /// <summary>Parts in flight at once (each holds one part in memory).</summary>
        public int ThrottleLimit { get; set; } = 4;

        public long PartSize { get; set; } = ImportPartPlan.DefaultPartSize;

        /// <summary>Tries per request; what is tried again is the bundle uploads' rule (<see cref="Storage.RetryPolicy.IsRetryable"/>):
        /// HTTP 500, 502, 503, 504, 408 and 429, timeouts and broken connections.</summary>
        public int MaxAttempts { get; set; } = 4;

        /// <summary>The first back-off; it doubles per try with jitter (euca2ools: (1+rand)*2^(n-1) s), capped at 15 s.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Filled in as the import creates its conversion task and folder, for a report when it is stopped.</summary>
        public ImportJournal Journal { get; } = new ImportJournal();
    }
}
