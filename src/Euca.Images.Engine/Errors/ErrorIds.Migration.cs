namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for moving images between clouds: manifest conversion and image copies.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// The file or object a converted manifest would be written to already exists (by default
        /// NAME.converted.manifest.xml beside the original). Pass another -Destination, or -Force to replace it
        /// (-Force without -Destination replaces the original manifest itself).
        /// </summary>
        public static readonly ErrorId ManifestConversionDestinationExists = new ErrorId(nameof(ManifestConversionDestinationExists));

        /// <summary>
        /// A converted manifest in object storage must stay in the bucket and folder of the parts it lists, where the
        /// cloud looks for them; -Destination named another bucket or folder, or is not a manifest location. Give a
        /// location in the same bucket and folder as the original.
        /// </summary>
        public static readonly ErrorId ManifestConversionDestinationInvalid = new ErrorId(nameof(ManifestConversionDestinationInvalid));

        /// <summary>
        /// -KernelId or -RamdiskId was given for a kernel or ramdisk bundle, which boots nothing. Convert the machine
        /// image's manifest instead, or leave the parameters out.
        /// </summary>
        public static readonly ErrorId ManifestConversionKernelNotAllowed = new ErrorId(nameof(ManifestConversionKernelNotAllowed));

        /// <summary>
        /// Copy-EucaImage was given an EBS-backed image. Eucalyptus has no image export: to move an EBS-backed
        /// Eucalyptus image, run an instance of it and make an instance-store image with New-EucaImage (or bundle the
        /// instance), or export the root volume's data and import it at the destination with New-EucaEbsImage.
        /// </summary>
        public static readonly ErrorId ImageCopyEbsSourceUnsupported = new ErrorId(nameof(ImageCopyEbsSourceUnsupported));

        /// <summary>
        /// The source image is instance-store but the cloud reports no manifest location for it, so its bundle
        /// cannot be read. Check the image with Get-EucaImage; an image still being registered has none yet.
        /// </summary>
        public static readonly ErrorId ImageCopySourceLocationMissing = new ErrorId(nameof(ImageCopySourceLocationMissing));

        /// <summary>
        /// A paravirtual image needs a kernel at the destination, and none was given (-KernelId) nor found there by the
        /// source kernel's name or Name tag. Nothing was copied. Install the kernel at the destination (or copy it with
        /// Copy-EucaImage as an administrator) and pass its id with -KernelId.
        /// </summary>
        public static readonly ErrorId ImageCopyKernelNotFound = new ErrorId(nameof(ImageCopyKernelNotFound));

        /// <summary>
        /// A paravirtual image boots a ramdisk, and none was given (-RamdiskId) nor found at the destination by the
        /// source ramdisk's name or Name tag. Nothing was copied. Install the ramdisk there and pass -RamdiskId.
        /// </summary>
        public static readonly ErrorId ImageCopyRamdiskNotFound = new ErrorId(nameof(ImageCopyRamdiskNotFound));

        /// <summary>
        /// A part read from the source bucket does not have the SHA-1 its manifest lists: the source bundle is corrupt
        /// or was replaced during the copy. The copy stopped, nothing was registered and no manifest was written at
        /// the destination; the parts already copied stay there for -Resume. Check the source with Test-EucaBundle.
        /// </summary>
        public static readonly ErrorId ImageCopyPartCorrupt = new ErrorId(nameof(ImageCopyPartCorrupt));

        /// <summary>
        /// A source part is larger than Copy-EucaImage holds in memory (bundle parts are 10 MiB; this one is over 256 MiB).
        /// Copy such a bundle with Save-EucaBundle and Send-EucaBundle, then Convert-EucaBundleManifest.
        /// </summary>
        public static readonly ErrorId ImageCopyPartTooLarge = new ErrorId(nameof(ImageCopyPartTooLarge));
    }
}
