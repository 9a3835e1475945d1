namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for bundling, checking and unbundling on the local machine.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// Bundling needs the 12-digit account id that will own the image. Pass -AccountId, or set it with Connect-
        /// EucaCloud -AccountId or EC2_USER_ID.
        /// </summary>
        public static readonly ErrorId BundleAccountIdMissing = new ErrorId(nameof(BundleAccountIdMissing));

        /// <summary>An account id is not 12 digits (dashes allowed). Give the account id the cloud shows for the user.</summary>
        public static readonly ErrorId AccountIdInvalid = new ErrorId(nameof(AccountIdInvalid));

        /// <summary>Only one of -EncryptionKey and -EncryptionIV was given. Give both or neither.</summary>
        public static readonly ErrorId EncryptionKeyIncomplete = new ErrorId(nameof(EncryptionKeyIncomplete));

        /// <summary>The bundle part size is below the minimum. Give a larger part size.</summary>
        public static readonly ErrorId PartSizeInvalid = new ErrorId(nameof(PartSizeInvalid));

        /// <summary>-MaxPendingParts is below 1. Give at least 1.</summary>
        public static readonly ErrorId PendingPartsInvalid = new ErrorId(nameof(PendingPartsInvalid));

        /// <summary>-MaxPendingParts times the part size would hold too much memory. Give fewer pending parts.</summary>
        public static readonly ErrorId PendingPartsTooLarge = new ErrorId(nameof(PendingPartsTooLarge));

        /// <summary>
        /// A bundle prefix is not a plain file name (or, for an instance bundle, not 3 to 255 letters, digits, '.', '-'
        /// or '_'). Choose another -Prefix.
        /// </summary>
        public static readonly ErrorId BundlePrefixInvalid = new ErrorId(nameof(BundlePrefixInvalid));

        /// <summary>
        /// A bundle with this prefix already exists in the destination. Use -Force to replace it, or another -Prefix or
        /// -Destination.
        /// </summary>
        public static readonly ErrorId BundleExists = new ErrorId(nameof(BundleExists));

        /// <summary>The kernel options of a bundle are invalid. Correct -Kernel or its options.</summary>
        public static readonly ErrorId BundleKernelOptionsInvalid = new ErrorId(nameof(BundleKernelOptionsInvalid));

        /// <summary>The ramdisk options of a bundle are invalid. Correct -Ramdisk or its options.</summary>
        public static readonly ErrorId BundleRamdiskOptionsInvalid = new ErrorId(nameof(BundleRamdiskOptionsInvalid));

        /// <summary>
        /// A manifest value is missing, invalid or holds a character XML cannot represent. Correct the value given to the
        /// bundling command.
        /// </summary>
        public static readonly ErrorId ManifestValueInvalid = new ErrorId(nameof(ManifestValueInvalid));

        /// <summary>
        /// The image path is a device, FIFO or socket. Bundle a regular image file (copy the device to a file first).
        /// </summary>
        public static readonly ErrorId ImageNotRegularFile = new ErrorId(nameof(ImageNotRegularFile));

        /// <summary>The image path is a directory. Give the image file.</summary>
        public static readonly ErrorId ImagePathIsDirectory = new ErrorId(nameof(ImagePathIsDirectory));

        /// <summary>The image file cannot be read (permissions, I/O error). Check the file and its permissions.</summary>
        public static readonly ErrorId ImageUnreadable = new ErrorId(nameof(ImageUnreadable));

        /// <summary>The image file changed size while it was bundled. Bundle a file that nothing writes to.</summary>
        public static readonly ErrorId ImageSizeChanged = new ErrorId(nameof(ImageSizeChanged));

        /// <summary>
        /// Unbundling would overwrite an existing file or a directory. Remove it, use -Force, or choose another
        /// destination.
        /// </summary>
        public static readonly ErrorId ImageExists = new ErrorId(nameof(ImageExists));

        /// <summary>
        /// The destination folder is an existing file, lies under one, or cannot be created. Give a folder, or a path where
        /// one can be made.
        /// </summary>
        public static readonly ErrorId DestinationInvalid = new ErrorId(nameof(DestinationInvalid));

        /// <summary>
        /// A manifest is not well-formed XML or lacks required elements. Use the manifest the bundle was made with.
        /// </summary>
        public static readonly ErrorId ManifestInvalid = new ErrorId(nameof(ManifestInvalid));

        /// <summary>
        /// A manifest contains a document type declaration, which bundle manifests never do; it was refused. Do not use
        /// this manifest.
        /// </summary>
        public static readonly ErrorId ManifestHostile = new ErrorId(nameof(ManifestHostile));

        /// <summary>
        /// A manifest holds <c>machine_configuration</c>, <c>image</c> or <c>signature</c> (or any element the reader
        /// uses) more than once, or inside another element, or is nested far deeper than a manifest is: the shape of a
        /// signature-wrapping attack, so the manifest was refused. Do not trust this manifest; use the one the bundle was
        /// made with.
        /// </summary>
        public static readonly ErrorId ManifestStructureInvalid = new ErrorId(nameof(ManifestStructureInvalid));

        /// <summary>
        /// A manifest names an encryption or digest algorithm other than AES-128-CBC and SHA1, the only ones bundles use;
        /// it is not decrypted. Make the bundle again with euca2ools, ec2-ami-tools or this module.
        /// </summary>
        public static readonly ErrorId ManifestAlgorithmUnsupported = new ErrorId(nameof(ManifestAlgorithmUnsupported));

        /// <summary>
        /// A manifest has no signature: Test-EucaBundle reports it (a cloud will not register it), and commands that read a
        /// bundle refuse it when they know a certificate to verify with. Make the bundle again with a private key.
        /// </summary>
        public static readonly ErrorId ManifestUnsigned = new ErrorId(nameof(ManifestUnsigned));

        /// <summary>
        /// A manifest's signature does not verify with the certificate (Test-EucaBundle reports it; Expand-EucaBundle,
        /// Save-EucaBundle and Send-EucaBundle refuse the bundle): the manifest was changed or signed by another key. Make
        /// the bundle again, or give the certificate of the user who made it.
        /// </summary>
        public static readonly ErrorId ManifestSignatureInvalid = new ErrorId(nameof(ManifestSignatureInvalid));

        /// <summary>A manifest file cannot be read. Check the path and its permissions.</summary>
        public static readonly ErrorId ManifestUnreadable = new ErrorId(nameof(ManifestUnreadable));

        /// <summary>
        /// A manifest names an image that is not a plain file name; nothing was written. Do not trust this manifest.
        /// </summary>
        public static readonly ErrorId ManifestImageNameInvalid = new ErrorId(nameof(ManifestImageNameInvalid));

        /// <summary>
        /// A manifest names a part that is not a plain file name; nothing was read or written. Do not trust this
        /// manifest.
        /// </summary>
        public static readonly ErrorId ManifestPartNameInvalid = new ErrorId(nameof(ManifestPartNameInvalid));

        /// <summary>
        /// The private key matches neither the user nor the cloud certificate of the bundle. Give the private key the
        /// bundle was made for.
        /// </summary>
        public static readonly ErrorId BundleKeyMismatch = new ErrorId(nameof(BundleKeyMismatch));

        /// <summary>
        /// A part the manifest lists is missing (locally or in object storage). Upload or copy the missing part again,
        /// for example with Send-EucaBundle -Resume.
        /// </summary>
        public static readonly ErrorId BundlePartMissing = new ErrorId(nameof(BundlePartMissing));

        /// <summary>
        /// The bundle's folder holds a part the manifest does not list. Remove stray parts, or use the matching manifest.
        /// </summary>
        public static readonly ErrorId BundlePartUnexpected = new ErrorId(nameof(BundlePartUnexpected));

        /// <summary>
        /// A bundle part has the wrong length or digest (truncated or wrong part). Copy or download the part again.
        /// </summary>
        public static readonly ErrorId BundlePartCorrupt = new ErrorId(nameof(BundlePartCorrupt));

        /// <summary>
        /// A bundle part cannot be read: it is a device, FIFO or socket rather than a regular file, or the file system
        /// refused it. Copy the real part file into the bundle's folder.
        /// </summary>
        public static readonly ErrorId BundlePartUnreadable = new ErrorId(nameof(BundlePartUnreadable));

        /// <summary>
        /// The expanded image cannot be written (the disk is full, or the file system cannot hold a file that large).
        /// Free space, or choose another -Destination.
        /// </summary>
        public static readonly ErrorId ImageWriteFailed = new ErrorId(nameof(ImageWriteFailed));

        /// <summary>
        /// The bundle cannot be decrypted: wrong key or IV, or corrupt data. Check the private key and the parts.
        /// </summary>
        public static readonly ErrorId BundleDecryptFailed = new ErrorId(nameof(BundleDecryptFailed));

        /// <summary>The decrypted bundle is not valid gzip data. Download or copy the parts again.</summary>
        public static readonly ErrorId BundleDecompressFailed = new ErrorId(nameof(BundleDecompressFailed));

        /// <summary>
        /// The decompressed bundle is not the tar archive a bundle holds. Download or copy the parts again; make the
        /// bundle again if it persists.
        /// </summary>
        public static readonly ErrorId BundleArchiveInvalid = new ErrorId(nameof(BundleArchiveInvalid));

        /// <summary>The image in the bundle has a size other than the manifest's. The bundle is damaged: make it again.</summary>
        public static readonly ErrorId BundleSizeMismatch = new ErrorId(nameof(BundleSizeMismatch));

        /// <summary>
        /// The image in the bundle has a digest other than the manifest's. The bundle is damaged: make it again.
        /// </summary>
        public static readonly ErrorId BundleDigestMismatch = new ErrorId(nameof(BundleDigestMismatch));

        /// <summary>Install-EucaImage was given both a kernel (or ramdisk) file and an id. Give one of them.</summary>
        public static readonly ErrorId InstallKernelSourceConflict = new ErrorId(nameof(InstallKernelSourceConflict));

        /// <summary>Unbundling needs the private key of the user or the cloud. Pass -PrivateKey or set EC2_PRIVATE_KEY.</summary>
        public static readonly ErrorId PrivateKeyMissing = new ErrorId(nameof(PrivateKeyMissing));
    }
}
