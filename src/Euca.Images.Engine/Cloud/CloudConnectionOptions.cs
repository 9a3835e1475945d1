using System;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>Transport settings of a <see cref="CloudConnection"/>.</summary>
    public sealed class CloudConnectionOptions
    {
        /// <summary>The stall timer's default: a transfer with no bytes flowing for this long is retried.</summary>
        public static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromSeconds(60);

        /// <summary>How long one compute or bootstrap request may take before it is tried again.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>
        /// How long a compute call may take in all, retries included; then it fails as <c>CloudTimeout</c>. Without it
        /// an endpoint that never answers held a command for every retry's full time-out (about two minutes).
        /// </summary>
        public TimeSpan ComputeCallTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The stall timer of object-storage transfers: a request during which no bytes flow either way for this long
        /// is abandoned and retried, however long the whole transfer may take.
        /// </summary>
        public TimeSpan StallTimeout { get; set; } = DefaultStallTimeout;

        /// <summary>
        /// How long an object-storage request may take. Longer than <see cref="Timeout"/> because one request
        /// carries a whole bundle part or image chunk, which takes minutes on a slow link.
        /// </summary>
        public TimeSpan ObjectStorageTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Retries of throttled or failed requests (tests use 0 to see failures at once).</summary>
        public int MaxErrorRetry { get; set; } = 3;
    }
}
