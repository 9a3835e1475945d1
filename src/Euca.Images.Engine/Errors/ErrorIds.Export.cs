namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for exporting an image's disk to a local file (Export-EucaImage).</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// The image is EBS-backed: its disk is a snapshot, and Eucalyptus has no image export (no ExportImage, no
        /// snapshot download). Make an instance-store image of it instead (run an instance of it and bundle that
        /// instance with New-EucaInstanceBundle, then export the new image), or attach a volume made from its
        /// snapshot to an instance and copy the disk from there (for example with dd).
        /// </summary>
        public static readonly ErrorId ExportImageEbsBacked = new ErrorId(nameof(ExportImageEbsBacked));

        /// <summary>
        /// The image has no manifest location, so there is no bundle to read its disk from (an image the cloud still
        /// registers or has failed). Wait until Get-EucaImage shows it available, or export another image.
        /// </summary>
        public static readonly ErrorId ExportImageNoBundle = new ErrorId(nameof(ExportImageNoBundle));

        /// <summary>
        /// The export's destination file already exists (or is a folder). Give -Force to replace the file, or
        /// another -Destination. Nothing was downloaded.
        /// </summary>
        public static readonly ErrorId ExportDestinationExists = new ErrorId(nameof(ExportDestinationExists));

        /// <summary>
        /// The image's disk is larger than the chosen format can hold (VHDX: 64 TiB; stream-optimized VMDK: 2 TiB).
        /// Export it with another -Format; Raw has no limit.
        /// </summary>
        public static readonly ErrorId ExportImageTooLarge = new ErrorId(nameof(ExportImageTooLarge));

        /// <summary>
        /// The image's manifest declares an empty disk (0 bytes), which a VHDX or VMDK cannot describe. Export it with
        /// -Format Raw (an empty file), or check the image: a bootable image has a disk.
        /// </summary>
        public static readonly ErrorId ExportImageEmpty = new ErrorId(nameof(ExportImageEmpty));
    }
}
