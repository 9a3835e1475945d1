namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for object storage: bundle uploads, downloads and removal.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// Object storage denied access to a bucket or object (HTTP 401 or 403). Check the keys and the bucket's owner
        /// and ACL.
        /// </summary>
        public static readonly ErrorId StorageAccessDenied = new ErrorId(nameof(StorageAccessDenied));

        /// <summary>A bucket does not exist. Check the bucket name, or let the upload create it.</summary>
        public static readonly ErrorId StorageBucketNotFound = new ErrorId(nameof(StorageBucketNotFound));

        /// <summary>
        /// The bucket could not be checked or created. Check the name, the storage endpoint and the message's cause, then
        /// retry.
        /// </summary>
        public static readonly ErrorId StorageBucketUnavailable = new ErrorId(nameof(StorageBucketUnavailable));

        /// <summary>
        /// The bundle was removed but the bucket holds other objects, so it was kept. Nothing to do, or empty the bucket
        /// first.
        /// </summary>
        public static readonly ErrorId StorageBucketNotEmpty = new ErrorId(nameof(StorageBucketNotEmpty));

        /// <summary>
        /// The bundle ACL is not one object storage accepts for bundles. Use aws-exec-read, public-read or ec2-bundle-
        /// read.
        /// </summary>
        public static readonly ErrorId StorageAclInvalid = new ErrorId(nameof(StorageAclInvalid));

        /// <summary>There is no manifest at the given location. Check the bucket and prefix, or list the bucket.</summary>
        public static readonly ErrorId StorageManifestNotFound = new ErrorId(nameof(StorageManifestNotFound));

        /// <summary>
        /// Reading a manifest from object storage failed. Retry; the message names the status or the transport failure.
        /// </summary>
        public static readonly ErrorId StorageManifestUnreadable = new ErrorId(nameof(StorageManifestUnreadable));

        /// <summary>Uploading or replacing a bundle's manifest failed. Run Send-EucaBundle -Resume to finish.</summary>
        public static readonly ErrorId StorageManifestUploadFailed = new ErrorId(nameof(StorageManifestUploadFailed));

        /// <summary>
        /// Uploading a bundle part failed after the retries. Run Send-EucaBundle -Resume to send the missing parts.
        /// </summary>
        public static readonly ErrorId StoragePartUploadFailed = new ErrorId(nameof(StoragePartUploadFailed));

        /// <summary>Downloading a bundle part failed after the retries. Run the command again to retry.</summary>
        public static readonly ErrorId StoragePartDownloadFailed = new ErrorId(nameof(StoragePartDownloadFailed));

        /// <summary>
        /// A part transferred with a checksum other than the one expected (corrupted in transit). Run the command again;
        /// the part is sent or read again.
        /// </summary>
        public static readonly ErrorId StoragePartCorrupt = new ErrorId(nameof(StoragePartCorrupt));

        /// <summary>
        /// An upload would replace the manifest that a registered image was registered from (the image is named). Upload
        /// under another -KeyPrefix, unregister the image first, or give -Force to replace it anyway.
        /// </summary>
        public static readonly ErrorId BundleManifestInUse = new ErrorId(nameof(BundleManifestInUse));

        /// <summary>Deleting an object of a bundle failed. Run Remove-EucaBundle again to finish.</summary>
        public static readonly ErrorId StorageDeleteFailed = new ErrorId(nameof(StorageDeleteFailed));

        /// <summary>
        /// Listing the buckets, or the folders of a bucket, failed. Check the object storage URL, the keys and the
        /// bucket name (tab completion of -Bucket and -KeyPrefix lists them).
        /// </summary>
        public static readonly ErrorId StorageListFailed = new ErrorId(nameof(StorageListFailed));

        /// <summary>
        /// A manifest location is not bucket/[prefix/]name.manifest.xml. Give the location Send-EucaBundle reported.
        /// </summary>
        public static readonly ErrorId ManifestLocationInvalid = new ErrorId(nameof(ManifestLocationInvalid));

        /// <summary>An object named as a manifest is too large for one. Check the manifest location.</summary>
        public static readonly ErrorId ManifestTooLarge = new ErrorId(nameof(ManifestTooLarge));

        /// <summary>
        /// A storage request was made without the bundle to create (a programming error in the caller). Pass the bundle
        /// request.
        /// </summary>
        public static readonly ErrorId BundleRequestMissing = new ErrorId(nameof(BundleRequestMissing));

        /// <summary>An upload was asked for without a target bucket. Give -Bucket.</summary>
        public static readonly ErrorId StorageTargetMissing = new ErrorId(nameof(StorageTargetMissing));

        /// <summary>The bucket name is empty. Give a bucket name.</summary>
        public static readonly ErrorId StorageBucketMissing = new ErrorId(nameof(StorageBucketMissing));

        /// <summary>No destination folder was given for a download or expansion. Give -Destination.</summary>
        public static readonly ErrorId DestinationMissing = new ErrorId(nameof(DestinationMissing));

        /// <summary>No manifest path was given for an upload. Give -ManifestPath, or pipe a bundle.</summary>
        public static readonly ErrorId ManifestPathMissing = new ErrorId(nameof(ManifestPathMissing));

        /// <summary>The number of transfers at once is below 1. Give 1 or more.</summary>
        public static readonly ErrorId ThrottleLimitInvalid = new ErrorId(nameof(ThrottleLimitInvalid));
    }
}
