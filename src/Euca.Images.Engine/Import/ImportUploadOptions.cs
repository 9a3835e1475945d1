using System;

namespace Euca.Images.Engine.Import
{
    /// <summary>How parts are sent: parallelism, part size and the retry schedule of transient failures.</summary>
    public sealed class ImportUploadOptions
    {
        /// <summary>Parts in flight at once (each holds one part in memory).</summary>
        public int ThrottleLimit { get; set; } = 4;

        public long PartSize { get; set; } = ImportPartPlan.DefaultPartSize;

        /// <summary>Tries per request; only HTTP 500/503, timeouts and connection resets are tried again.</summary>
        public int MaxAttempts { get; set; } = 4;

        /// <summary>The first back-off; it doubles per try with jitter (euca2ools: (1+rand)*2^(n-1) s), capped at 15 s.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    }
}
