using System;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>Transport settings of a <see cref="CloudConnection"/>.</summary>
    public sealed class CloudConnectionOptions
    {
        /// <summary>How long a compute or bootstrap request may take (euca2ools' default: 30 s).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long an object-storage request may take. Longer than <see cref="Timeout"/> because one request
        /// carries a whole bundle part or image chunk, which takes minutes on a slow link.
        /// </summary>
        public TimeSpan ObjectStorageTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Retries of throttled or failed requests (tests use 0 to see failures at once).</summary>
        public int MaxErrorRetry { get; set; } = 3;
    }
}
