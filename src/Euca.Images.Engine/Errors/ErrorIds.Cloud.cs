namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's compute and bootstrap ids: failures of calls to the cloud and of the cloud's resources.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// The cloud rejected the credentials (a bad signature, an unknown or disabled access key). Check the access key
        /// and secret key, for example with Get-EucaCloud, and connect again.
        /// </summary>
        public static readonly ErrorId CloudAuthenticationFailed = new ErrorId(nameof(CloudAuthenticationFailed));

        /// <summary>
        /// The TLS certificate of a cloud endpoint failed validation. Pass -CertificateAuthority with the PEM file of the
        /// authority that signed it, or -SkipCertificateCheck on a network you trust.
        /// </summary>
        public static readonly ErrorId CloudCertificateUntrusted = new ErrorId(nameof(CloudCertificateUntrusted));

        /// <summary>
        /// A cloud endpoint did not answer within the connection's timeout. Check the endpoint and the network, or
        /// connect with a longer -Timeout, then retry.
        /// </summary>
        public static readonly ErrorId CloudTimeout = new ErrorId(nameof(CloudTimeout));

        /// <summary>
        /// A cloud endpoint cannot be reached (refused connection, unknown host, reset). Check the URL, the network and
        /// that the cloud service is running.
        /// </summary>
        public static readonly ErrorId CloudUnreachable = new ErrorId(nameof(CloudUnreachable));

        /// <summary>
        /// A cloud request failed in a way neither the service nor the transport explains. Retry; the message carries the
        /// cause.
        /// </summary>
        public static readonly ErrorId CloudRequestFailed = new ErrorId(nameof(CloudRequestFailed));

        /// <summary>
        /// The cloud answered HTTP 5xx without a usable error code, usually a call this Eucalyptus version does not
        /// implement. Check the cloud's version and logs.
        /// </summary>
        public static readonly ErrorId CloudServiceError = new ErrorId(nameof(CloudServiceError));

        /// <summary>
        /// The cloud accepted a call but its answer lacks what it must hold (CreateImage without an image id). Look for
        /// the result with Get-EucaImage; report the cloud's behaviour.
        /// </summary>
        public static readonly ErrorId CloudAnswerIncomplete = new ErrorId(nameof(CloudAnswerIncomplete));

        /// <summary>
        /// The compute endpoint answered with something that is not an EC2 answer (an HTML page with status 200, XML of
        /// another service). Check that the compute URL points at the cloud's compute service, not a web page or proxy.
        /// </summary>
        public static readonly ErrorId CloudAnswerInvalid = new ErrorId(nameof(CloudAnswerInvalid));

        /// <summary>
        /// The bootstrap service lists no image-bundling certificate. Pass the cloud certificate (cloud-cert.pem) with
        /// -CloudCertificate or Connect-EucaCloud -CloudCertificate.
        /// </summary>
        public static readonly ErrorId CloudCertificateNotFound = new ErrorId(nameof(CloudCertificateNotFound));

        /// <summary>
        /// The bootstrap service refused to list the cloud certificate. Grant the user
        /// euserv:DescribeServiceCertificates, or pass the cloud certificate (cloud-cert.pem) yourself.
        /// </summary>
        public static readonly ErrorId CloudCertificateAccessDenied = new ErrorId(nameof(CloudCertificateAccessDenied));

        /// <summary>
        /// A value is not an image id (emi-, eki-, eri-, ami-, aki- or ari- and 8 or 17 hex digits); nothing was sent to
        /// the cloud. Correct the id.
        /// </summary>
        public static readonly ErrorId ImageIdInvalid = new ErrorId(nameof(ImageIdInvalid));

        /// <summary>
        /// A kernel id is not an eki- or aki- id; nothing was registered. Give the kernel's image id (Get-EucaImage
        /// -ImageType Kernel).
        /// </summary>
        public static readonly ErrorId KernelIdInvalid = new ErrorId(nameof(KernelIdInvalid));

        /// <summary>
        /// A ramdisk id is not an eri- or ari- id; nothing was registered. Give the ramdisk's image id (Get-EucaImage
        /// -ImageType Ramdisk).
        /// </summary>
        public static readonly ErrorId RamdiskIdInvalid = new ErrorId(nameof(RamdiskIdInvalid));

        /// <summary>
        /// The image file to bundle does not exist, or the cloud stopped listing an image being waited for. Check the
        /// path, or look for the image with Get-EucaImage.
        /// </summary>
        public static readonly ErrorId ImageNotFound = new ErrorId(nameof(ImageNotFound));

        /// <summary>
        /// An image being waited for became failed in the cloud. Look at the cloud's logs, deregister the image with
        /// Unregister-EucaImage -Purge and register it again.
        /// </summary>
        public static readonly ErrorId ImageFailed = new ErrorId(nameof(ImageFailed));

        /// <summary>
        /// Waiting for an image to reach a state gave up after the timeout; the image goes on in the cloud. Wait again
        /// with a longer -Timeout.
        /// </summary>
        public static readonly ErrorId ImageWaitTimeout = new ErrorId(nameof(ImageWaitTimeout));

        /// <summary>
        /// A purged image was still listed when the timeout passed; the cloud may still remove it. Run Unregister-
        /// EucaImage -Purge again with a longer -Timeout.
        /// </summary>
        public static readonly ErrorId ImagePurgeTimeout = new ErrorId(nameof(ImagePurgeTimeout));

        /// <summary>
        /// An image attribute change names nothing to change. Give a launch permission, product code or description to
        /// change.
        /// </summary>
        public static readonly ErrorId ImageAttributeChangeMissing = new ErrorId(nameof(ImageAttributeChangeMissing));

        /// <summary>
        /// A launch permission is neither a 12-digit account id nor all; nothing was changed. Correct the entry.
        /// </summary>
        public static readonly ErrorId LaunchPermissionInvalid = new ErrorId(nameof(LaunchPermissionInvalid));

        /// <summary>Edit-EucaImageAttribute was given both -Public and -Private. Give one of them.</summary>
        public static readonly ErrorId PublicAndPrivate = new ErrorId(nameof(PublicAndPrivate));

        /// <summary>
        /// A value is not an instance id (i- and 8 or 17 hex digits); nothing was sent to the cloud. Correct the id.
        /// </summary>
        public static readonly ErrorId InstanceIdInvalid = new ErrorId(nameof(InstanceIdInvalid));

        /// <summary>
        /// The cloud has no instance with this id that the caller can see. Check the id and the account, for example with
        /// euca-describe-instances.
        /// </summary>
        public static readonly ErrorId InstanceNotFound = new ErrorId(nameof(InstanceNotFound));

        /// <summary>
        /// New-EucaImage was asked to image an instance-store instance. Bundle it with New-EucaInstanceBundle and
        /// register the bundle instead.
        /// </summary>
        public static readonly ErrorId InstanceNotEbsBacked = new ErrorId(nameof(InstanceNotEbsBacked));

        /// <summary>
        /// An image can be created only from a running or stopped instance. Start or stop the instance, or wait until it
        /// settles.
        /// </summary>
        public static readonly ErrorId InstanceStateInvalid = new ErrorId(nameof(InstanceStateInvalid));

        /// <summary>
        /// New-EucaInstanceBundle was asked to bundle an EBS-backed instance. Create its image with New-EucaImage
        /// instead.
        /// </summary>
        public static readonly ErrorId InstanceIsEbsBacked = new ErrorId(nameof(InstanceIsEbsBacked));

        /// <summary>Only a running instance can be bundled. Start the instance and try again.</summary>
        public static readonly ErrorId InstanceNotRunning = new ErrorId(nameof(InstanceNotRunning));

        /// <summary>
        /// A value is not a bundle task id (bun- and 8 or 17 hex digits); nothing was sent to the cloud. Correct the id.
        /// </summary>
        public static readonly ErrorId BundleIdInvalid = new ErrorId(nameof(BundleIdInvalid));

        /// <summary>
        /// The bucket for an instance bundle is not 3 to 255 letters, digits, '.', '-' or '_'. Choose another bucket
        /// name.
        /// </summary>
        public static readonly ErrorId BundleBucketInvalid = new ErrorId(nameof(BundleBucketInvalid));

        /// <summary>
        /// The upload policy of an instance bundle must be valid for a positive time. Give a positive lifetime.
        /// </summary>
        public static readonly ErrorId UploadPolicyLifetimeInvalid = new ErrorId(nameof(UploadPolicyLifetimeInvalid));

        /// <summary>
        /// The cloud has no bundle task with this id that the caller can see. Check the id (Get-EucaBundleTask lists
        /// yours).
        /// </summary>
        public static readonly ErrorId BundleTaskNotFound = new ErrorId(nameof(BundleTaskNotFound));

        /// <summary>
        /// Waiting for a bundle task gave up after the timeout; the task goes on in the cloud. Wait again with Wait-
        /// EucaBundleTask, or stop it with Stop-EucaBundleTask.
        /// </summary>
        public static readonly ErrorId BundleTaskTimeout = new ErrorId(nameof(BundleTaskTimeout));

        /// <summary>
        /// A bundle task ended failed; the message carries the cloud's error. Fix the cause (often the bucket or its
        /// permissions) and bundle again.
        /// </summary>
        public static readonly ErrorId BundleTaskFailed = new ErrorId(nameof(BundleTaskFailed));

        /// <summary>
        /// A value is not a volume id (vol- and 8 or 17 hex digits); nothing was sent to the cloud. Correct the id.
        /// </summary>
        public static readonly ErrorId VolumeIdInvalid = new ErrorId(nameof(VolumeIdInvalid));

        /// <summary>
        /// No volume id was given, typically from a conversion task that has no volume yet (not completed, or cancelled).
        /// Wait for the conversion, or give the id.
        /// </summary>
        public static readonly ErrorId VolumeIdMissing = new ErrorId(nameof(VolumeIdMissing));

        /// <summary>The cloud has no volume with this id that the caller can see. Check the id with Get-EucaVolume.</summary>
        public static readonly ErrorId VolumeNotFound = new ErrorId(nameof(VolumeNotFound));

        /// <summary>
        /// A volume attached to an instance was not deleted. Detach it or terminate the instance, then delete it again.
        /// </summary>
        public static readonly ErrorId VolumeInUse = new ErrorId(nameof(VolumeInUse));

        /// <summary>
        /// A value is not a snapshot id (snap- and 8 or 17 hex digits); nothing was sent to the cloud. Correct the id.
        /// </summary>
        public static readonly ErrorId SnapshotIdInvalid = new ErrorId(nameof(SnapshotIdInvalid));

        /// <summary>The cloud has no snapshot with this id that the caller can see. Check the id and the owner.</summary>
        public static readonly ErrorId SnapshotNotFound = new ErrorId(nameof(SnapshotNotFound));

        /// <summary>
        /// Waiting for a snapshot gave up after the timeout; the snapshot goes on in the cloud. Wait again with Wait-
        /// EucaSnapshot and a longer -Timeout.
        /// </summary>
        public static readonly ErrorId SnapshotTimeout = new ErrorId(nameof(SnapshotTimeout));

        /// <summary>
        /// A snapshot was not deleted because a registered image boots from it (the message names the image). Unregister
        /// the image with -Purge first, then delete the snapshot.
        /// </summary>
        public static readonly ErrorId SnapshotInUse = new ErrorId(nameof(SnapshotInUse));

        /// <summary>A snapshot ended in state error. Delete it and snapshot the volume again; the cloud's logs say why.</summary>
        public static readonly ErrorId SnapshotFailed = new ErrorId(nameof(SnapshotFailed));
    }
}
