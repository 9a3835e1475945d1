namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for AWS's image export and snapshot import and the copies between clouds built on them.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// The source cloud has no image export (ExportImage): Eucalyptus lacks it, so an EBS-backed Eucalyptus image
        /// cannot be copied this way. Launch an instance from the image and make the copy from its volume, or copy an
        /// instance-store image instead.
        /// </summary>
        public static readonly ErrorId MigrationExportUnsupported = new ErrorId(nameof(MigrationExportUnsupported));

        /// <summary>
        /// The destination cloud has no snapshot import (ImportSnapshot): only AWS makes an EBS-backed image from an
        /// uploaded disk this way. Copy to Eucalyptus without -Ebs, or use New-EucaEbsImage there.
        /// </summary>
        public static readonly ErrorId MigrationImportUnsupported = new ErrorId(nameof(MigrationImportUnsupported));

        /// <summary>
        /// The image to export is not EBS-backed (its root device is instance-store), so ExportImage cannot take it.
        /// Copy it as an instance-store image instead.
        /// </summary>
        public static readonly ErrorId MigrationSourceNotEbs = new ErrorId(nameof(MigrationSourceNotEbs));

        /// <summary>
        /// A parameter of the instance-store copy (-KernelId, -RamdiskId, -CloudCertificate, -Certificate) was given to an
        /// EBS route (-ExportBucket or -Ebs), which has no bundle to re-wrap and no kernel to pair: an EBS copy is an HVM
        /// image. Leave the parameter out, or copy an instance-store image.
        /// </summary>
        public static readonly ErrorId ImageCopyParameterNotApplicable = new ErrorId(nameof(ImageCopyParameterNotApplicable));

        /// <summary>
        /// An export-image task ended deleted: it was cancelled, or AWS could not export the image (the status message
        /// says why: the vmimport role, the bucket, a Marketplace image). Fix the cause and copy again.
        /// </summary>
        public static readonly ErrorId MigrationExportFailed = new ErrorId(nameof(MigrationExportFailed));

        /// <summary>
        /// An export-image task did not finish within the timeout. It goes on in the cloud: copy again later (the
        /// finished export is reused) or allow a longer timeout.
        /// </summary>
        public static readonly ErrorId MigrationExportWaitTimeout = new ErrorId(nameof(MigrationExportWaitTimeout));

        /// <summary>
        /// An export-image task completed but its object is not in the bucket (deleted since). Copy again; a new export
        /// is started.
        /// </summary>
        public static readonly ErrorId MigrationExportObjectMissing = new ErrorId(nameof(MigrationExportObjectMissing));

        /// <summary>
        /// Reading the exported disk in the source cloud's object storage failed (the message names the bucket, key and
        /// answer). Check access to the export bucket and copy again; the export is reused.
        /// </summary>
        public static readonly ErrorId MigrationExportReadFailed = new ErrorId(nameof(MigrationExportReadFailed));

        /// <summary>
        /// The copy is registered, but deleting the exported disk from the source cloud's bucket failed. Delete the
        /// object the message names yourself.
        /// </summary>
        public static readonly ErrorId MigrationExportDeleteFailed = new ErrorId(nameof(MigrationExportDeleteFailed));

        /// <summary>
        /// Uploading the image's disk to the destination's S3 bucket (or checking or deleting it there) failed; the
        /// message names the bucket, key and answer. Fix access to the bucket and copy again: a complete upload is reused.
        /// </summary>
        public static readonly ErrorId MigrationUploadFailed = new ErrorId(nameof(MigrationUploadFailed));

        /// <summary>
        /// An import-snapshot task ended deleted: it was cancelled, or AWS could not read or convert the disk (the
        /// status message gives AWS's ClientError). Fix the cause and copy again; the uploaded disk is reused.
        /// </summary>
        public static readonly ErrorId MigrationSnapshotImportFailed = new ErrorId(nameof(MigrationSnapshotImportFailed));

        /// <summary>
        /// An import-snapshot task did not finish within the timeout. It goes on in the cloud: follow it with
        /// Get-EC2ImportSnapshotTask, or copy again later with a longer timeout.
        /// </summary>
        public static readonly ErrorId MigrationSnapshotImportWaitTimeout = new ErrorId(nameof(MigrationSnapshotImportWaitTimeout));
    }
}
