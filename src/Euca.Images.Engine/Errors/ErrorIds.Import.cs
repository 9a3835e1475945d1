namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for disk imports (ImportVolume, ImportInstance) and their conversion tasks.</summary>
    public static partial class ErrorIds
    {
        /// <summary>The disk image to import does not exist. Check the path.</summary>
        public static readonly ErrorId ImportFileNotFound = new ErrorId(nameof(ImportFileNotFound));

        /// <summary>The disk image to import is empty. Give the image file.</summary>
        public static readonly ErrorId ImportFileEmpty = new ErrorId(nameof(ImportFileEmpty));

        /// <summary>
        /// A file given as VMDK is not a sparse or stream-optimized VMDK. Import it with -Format Raw or convert it first.
        /// </summary>
        public static readonly ErrorId ImportVmdkInvalid = new ErrorId(nameof(ImportVmdkInvalid));

        /// <summary>The requested volume size cannot hold the image. Give a larger -VolumeSize or leave it out.</summary>
        public static readonly ErrorId ImportVolumeTooSmall = new ErrorId(nameof(ImportVolumeTooSmall));

        /// <summary>The manifest URLs of an import would be valid for less than a day. Give at least one day.</summary>
        public static readonly ErrorId ImportExpiryInvalid = new ErrorId(nameof(ImportExpiryInvalid));

        /// <summary>
        /// An import failed at the bucket check; nothing was uploaded and no conversion task exists. Fix the cause the
        /// message names and import again.
        /// </summary>
        public static readonly ErrorId ImportBucketFailed = new ErrorId(nameof(ImportBucketFailed));

        /// <summary>
        /// The ImportVolume or ImportInstance call failed; nothing was uploaded and no conversion task exists. Fix the
        /// cause the message names and import again.
        /// </summary>
        public static readonly ErrorId ImportRequestFailed = new ErrorId(nameof(ImportRequestFailed));

        /// <summary>
        /// Uploading the import manifest failed; the conversion task exists. Resume with Resume-EucaImport, or clean up
        /// with Stop-EucaConversionTask -RemoveDiskImage.
        /// </summary>
        public static readonly ErrorId ImportManifestFailed = new ErrorId(nameof(ImportManifestFailed));

        /// <summary>
        /// Uploading the disk parts failed; the conversion task exists. Resume with Resume-EucaImport, or clean up with
        /// Stop-EucaConversionTask -RemoveDiskImage.
        /// </summary>
        public static readonly ErrorId ImportUploadFailed = new ErrorId(nameof(ImportUploadFailed));

        /// <summary>
        /// Object storage stored an import part whose ETag differs from the MD5 sent (corrupted in transit). Resume with
        /// Resume-EucaImport; the part is sent again.
        /// </summary>
        public static readonly ErrorId ImportPartCorrupted = new ErrorId(nameof(ImportPartCorrupted));

        /// <summary>The disk image changed while it was imported. Import a file that nothing writes to.</summary>
        public static readonly ErrorId ImportFileChanged = new ErrorId(nameof(ImportFileChanged));

        /// <summary>The file given to resume an import is not the one the import started with. Give the original file.</summary>
        public static readonly ErrorId ImportFileSizeMismatch = new ErrorId(nameof(ImportFileSizeMismatch));

        /// <summary>
        /// An import manifest in object storage is not valid. Stop the task with Stop-EucaConversionTask -RemoveDiskImage
        /// and import again.
        /// </summary>
        public static readonly ErrorId ImportManifestInvalid = new ErrorId(nameof(ImportManifestInvalid));

        /// <summary>A conversion task names no import manifest URL, so it cannot be resumed. Stop it and import again.</summary>
        public static readonly ErrorId ImportManifestUrlMissing = new ErrorId(nameof(ImportManifestUrlMissing));

        /// <summary>A conversion task's manifest URL names no bucket and key. Stop it and import again.</summary>
        public static readonly ErrorId ImportManifestUrlInvalid = new ErrorId(nameof(ImportManifestUrlInvalid));

        /// <summary>
        /// A conversion task's manifest URL is on another object storage endpoint. Connect with that endpoint and resume.
        /// </summary>
        public static readonly ErrorId ImportManifestUrlForeign = new ErrorId(nameof(ImportManifestUrlForeign));

        /// <summary>Only an active conversion task can be resumed. Start a new import.</summary>
        public static readonly ErrorId ImportTaskNotActive = new ErrorId(nameof(ImportTaskNotActive));

        /// <summary>
        /// A conversion task expired. Start a new import, and clean up with Stop-EucaConversionTask -RemoveDiskImage.
        /// </summary>
        public static readonly ErrorId ImportTaskExpired = new ErrorId(nameof(ImportTaskExpired));

        /// <summary>A value is not a conversion task id (import-vol-... or import-i-...). Correct the id.</summary>
        public static readonly ErrorId ConversionTaskIdInvalid = new ErrorId(nameof(ConversionTaskIdInvalid));

        /// <summary>The cloud has no conversion task with this id. Check the id with Get-EucaConversionTask.</summary>
        public static readonly ErrorId ConversionTaskNotFound = new ErrorId(nameof(ConversionTaskNotFound));

        /// <summary>
        /// Waiting for a conversion task gave up after the timeout; the conversion goes on in the cloud. Wait again with
        /// Wait-EucaConversionTask.
        /// </summary>
        public static readonly ErrorId ConversionTaskWaitTimeout = new ErrorId(nameof(ConversionTaskWaitTimeout));

        /// <summary>
        /// A conversion task ended cancelled, how a failed conversion ends. Remove its disk image with Stop-
        /// EucaConversionTask -RemoveDiskImage and import again.
        /// </summary>
        public static readonly ErrorId ConversionTaskFailed = new ErrorId(nameof(ConversionTaskFailed));

        /// <summary>A completed conversion task names no volume, so no EBS image can be made from it. Import again.</summary>
        public static readonly ErrorId ConversionTaskNoVolume = new ErrorId(nameof(ConversionTaskNoVolume));
    }
}
