namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for downloading, unpacking and installing catalog images.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// The image's address is not an absolute http or https URL. Give the URL the catalog publishes, or -Path for
        /// a file already downloaded.
        /// </summary>
        public static readonly ErrorId CatalogDownloadUriInvalid = new ErrorId(nameof(CatalogDownloadUriInvalid));

        /// <summary>
        /// The server answered the download with an HTTP error that retrying cannot fix (404, 403, ...). Check the URL
        /// and that the catalog is current (Find-EucaCatalogImage).
        /// </summary>
        public static readonly ErrorId CatalogDownloadRefused = new ErrorId(nameof(CatalogDownloadRefused));

        /// <summary>
        /// The download kept failing (connection dropped, stalled, or 5xx answers) after every retry. The part already
        /// downloaded is kept and the next run resumes it; check the network or the server and run the command again.
        /// </summary>
        public static readonly ErrorId CatalogDownloadFailed = new ErrorId(nameof(CatalogDownloadFailed));

        /// <summary>
        /// The server's size for the file differs from the size the catalog declares, or it is larger than the
        /// download limit, or the server sent more bytes than it announced. The catalog or the mirror is wrong or
        /// changed: refresh the catalog, or ask its maintainer.
        /// </summary>
        public static readonly ErrorId CatalogDownloadSizeMismatch = new ErrorId(nameof(CatalogDownloadSizeMismatch));

        /// <summary>
        /// The downloaded file (or a euimage pack's image) does not have the checksum the catalog gives: it is corrupt
        /// or was replaced. Nothing was installed and the file was deleted; run again to download it afresh, and
        /// report a repeated mismatch to the catalog's maintainer.
        /// </summary>
        public static readonly ErrorId CatalogChecksumMismatch = new ErrorId(nameof(CatalogChecksumMismatch));

        /// <summary>
        /// The catalog's checksum is not of the form its algorithm needs (ten digits for eustore, 64 or 128 hex digits
        /// for SHA-256 or SHA-512). The catalog entry is damaged; refresh the catalog.
        /// </summary>
        public static readonly ErrorId CatalogChecksumInvalid = new ErrorId(nameof(CatalogChecksumInvalid));

        /// <summary>
        /// A compressed file (gzip, xz, bzip2) or a tarball is corrupt or truncated. Delete the download (it is
        /// deleted for you when it was downloaded by this command) and download it again.
        /// </summary>
        public static readonly ErrorId CatalogArchiveCorrupt = new ErrorId(nameof(CatalogArchiveCorrupt));

        /// <summary>
        /// A tarball holds an entry that is not a regular file or folder (a link, a device, a FIFO), or whose path is
        /// absolute or climbs out of the tarball with '..'. Such a tarball is refused as hostile; use a trusted one.
        /// </summary>
        public static readonly ErrorId CatalogTarEntryRefused = new ErrorId(nameof(CatalogTarEntryRefused));

        /// <summary>
        /// A tarball entry declares, or a compressed file decompresses to, more bytes than an image may have (or than
        /// its kind may have: kernels, ramdisks and metadata are small). The file is hostile or not an image.
        /// </summary>
        public static readonly ErrorId CatalogContentTooLarge = new ErrorId(nameof(CatalogContentTooLarge));

        /// <summary>
        /// A tarball or euimage pack holds no disk image (*.img or *.raw; image.xz in a pack), or several with none
        /// clearly the image. Check that the file is an image tarball.
        /// </summary>
        public static readonly ErrorId CatalogImageNotFound = new ErrorId(nameof(CatalogImageNotFound));

        /// <summary>
        /// An eustore tarball has kernel folders but none for the hypervisor asked for (-Hypervisor), or a kernel
        /// folder without a kernel or without a ramdisk. Choose one of the hypervisors the message lists.
        /// </summary>
        public static readonly ErrorId CatalogKernelNotFound = new ErrorId(nameof(CatalogKernelNotFound));

        /// <summary>
        /// A euimage pack's pack-md.yml gives no SHA-256 for its image.xz, so the image cannot be verified. The
        /// pack is damaged; make it again with euimage-pack-image.
        /// </summary>
        public static readonly ErrorId CatalogPackChecksumMissing = new ErrorId(nameof(CatalogPackChecksumMissing));

        /// <summary>
        /// Writing the download or the unpacked image to the temporary folder failed (disk full, no permission).
        /// Free space in the folder the message names or point TMPDIR (TEMP on Windows) elsewhere.
        /// </summary>
        public static readonly ErrorId CatalogWorkFileFailed = new ErrorId(nameof(CatalogWorkFileFailed));

        /// <summary>
        /// An image with kernel and ramdisk (paravirtual) was asked to be installed EBS-backed; Eucalyptus boots
        /// EBS-backed images only as HVM. Install it instance-store (without -Ebs), or choose an HVM image.
        /// </summary>
        public static readonly ErrorId CatalogEbsNeedsHvm = new ErrorId(nameof(CatalogEbsNeedsHvm));

        /// <summary>
        /// An EBS install was asked without -AvailabilityZone, and the cloud lists no availability zone to default to.
        /// Give -AvailabilityZone (Get-EucaCloud's connection lists none: check the cloud's cluster controllers).
        /// </summary>
        public static readonly ErrorId CatalogZoneMissing = new ErrorId(nameof(CatalogZoneMissing));
    }
}
