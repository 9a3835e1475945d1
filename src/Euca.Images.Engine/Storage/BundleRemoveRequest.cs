namespace Euca.Images.Engine.Storage
{
    /// <summary>What Remove-EucaBundle deletes: a stored bundle, and perhaps its bucket.</summary>
    public sealed class BundleRemoveRequest
    {
        /// <param name="manifestLocation">Where the manifest is (or was) stored: bucket/[prefix/]name.manifest.xml.</param>
        /// <param name="removeBucket">Also delete the bucket, which succeeds only when nothing else is in it.</param>
        /// <param name="retry">How failed requests are retried; by default the standard <see cref="RetryPolicy"/>.</param>
        public BundleRemoveRequest(string manifestLocation, bool removeBucket = false, RetryPolicy? retry = null)
        {
            Location = ManifestLocation.Parse(manifestLocation);
            RemoveBucket = removeBucket;
            Retry = retry ?? new RetryPolicy();
        }

        public ManifestLocation Location { get; }

        public bool RemoveBucket { get; }

        public RetryPolicy Retry { get; }
    }
}
