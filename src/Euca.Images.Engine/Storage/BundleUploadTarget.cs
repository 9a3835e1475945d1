using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>Where and how a bundle is stored: bucket, key prefix, ACL, bucket location, parallelism, retries.</summary>
    public sealed class BundleUploadTarget
    {
        /// <summary>Parts sent at once unless told otherwise.</summary>
        public const int DefaultThrottleLimit = 4;

        public BundleUploadTarget(string bucket)
        {
            Bucket = StorageRequestChecks.RequiredText(bucket, ErrorIds.StorageBucketMissing, "The bucket name").Trim();
        }

        public string Bucket { get; }

        /// <summary>Folder part of the keys (<c>images/2026</c>); a trailing slash is added as euca2ools does.</summary>
        public string? KeyPrefix { get; set; }

        /// <summary>Canned ACL (<see cref="BundleAcl"/>); default aws-exec-read.</summary>
        public string Acl { get; set; } = BundleAcl.AwsExecRead;

        /// <summary>The location constraint for a bucket that has to be created.</summary>
        public string? Location { get; set; }

        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        public RetryPolicy Retry { get; set; } = new RetryPolicy();

        /// <summary>
        /// Called with the manifest location before anything stored there is replaced or any part is uploaded; it throws
        /// to refuse the upload. The cmdlets set it to refuse replacing a bundle that a registered image uses (Storage
        /// knows no images); null replaces whatever is there.
        /// </summary>
        public Func<ManifestLocation, CancellationToken, Task>? ReplaceCheck { get; set; }

        /// <summary>Filled in as parts are stored; keep it to report what was stored when the upload stops.</summary>
        public BundleTransferJournal Journal { get; set; } = new BundleTransferJournal();

        /// <summary>The target, once its ACL and parallelism are known to be valid; the upload requests call it when created.</summary>
        internal BundleUploadTarget Checked()
        {
            BundleAcl.Check(Acl);
            StorageRequestChecks.ThrottleLimit(ThrottleLimit);
            return this;
        }

        internal ObjectStore StoreFor(CloudConnection connection) => ObjectStore.For(connection, Retry);
    }
}
