namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for reading virtual disks (VHD, VHDX, VMDK, QCOW2, raw) and converting them to raw.</summary>
    public static partial class ErrorIds
    {
        /// <summary>The disk image file does not exist (or a VMDK descriptor names an extent file that does not). Check the path.</summary>
        public static readonly ErrorId DiskImageNotFound = new ErrorId(nameof(DiskImageNotFound));

        /// <summary>The disk image cannot be read (a directory, permissions, an I/O error). Check the file and its permissions.</summary>
        public static readonly ErrorId DiskImageUnreadable = new ErrorId(nameof(DiskImageUnreadable));

        /// <summary>
        /// The file carries a disk format's signature, but a header, checksum or field of it is invalid: the file is
        /// damaged, or a raw disk happens to begin with that signature. Repair the image with the tool that made it
        /// (for example <c>qemu-img check -r all</c>), or convert it again from its source.
        /// </summary>
        public static readonly ErrorId DiskImageHeaderInvalid = new ErrorId(nameof(DiskImageHeaderInvalid));

        /// <summary>
        /// The image's allocation tables overlap: two blocks share the same place in the file, or a block or table lies
        /// on the image's own headers and tables (a loop). Nothing is read from such a file; repair or recreate it.
        /// </summary>
        public static readonly ErrorId DiskImageTableInvalid = new ErrorId(nameof(DiskImageTableInvalid));

        /// <summary>
        /// A table, block or size of the image points past the end of the file: it was truncated (an interrupted copy or
        /// download). Copy the image again.
        /// </summary>
        public static readonly ErrorId DiskImageBeyondFile = new ErrorId(nameof(DiskImageBeyondFile));

        /// <summary>
        /// The image needs another file to be read: a differencing VHD, a VHDX with a parent, a QCOW2 with a backing
        /// file or a VMDK with a parent. Merge the chain into one image first (Hyper-V's Merge-VHD, or
        /// <c>qemu-img convert</c> of the top image).
        /// </summary>
        public static readonly ErrorId DiskImageHasParent = new ErrorId(nameof(DiskImageHasParent));

        /// <summary>
        /// The QCOW2 image is encrypted (AES or LUKS). Decrypt it first, for example with
        /// <c>qemu-img convert --object secret,... -O qcow2</c>.
        /// </summary>
        public static readonly ErrorId DiskImageEncrypted = new ErrorId(nameof(DiskImageEncrypted));

        /// <summary>
        /// The VHDX file holds a log that must be replayed before its tables can be trusted (the VM was not shut down
        /// cleanly). Attach and detach the disk in Hyper-V, or run <c>qemu-img check -r all</c> on it, then try again.
        /// </summary>
        public static readonly ErrorId DiskImageDirtyLog = new ErrorId(nameof(DiskImageDirtyLog));

        /// <summary>
        /// The image is of a kind or uses a feature this module does not read (a VMDK type other than monolithicSparse,
        /// streamOptimized or monolithicFlat; QCOW version 1; QCOW2 zstd compression, subclusters or an external data
        /// file). Convert it with <c>qemu-img convert -O raw</c> first.
        /// </summary>
        public static readonly ErrorId DiskImageSubformatUnsupported = new ErrorId(nameof(DiskImageSubformatUnsupported));

        /// <summary>
        /// A compressed block of the image does not decompress to exactly one block, or its marker names another block:
        /// the image is damaged. Copy or convert it again from its source.
        /// </summary>
        public static readonly ErrorId DiskImageDataInvalid = new ErrorId(nameof(DiskImageDataInvalid));

        /// <summary>The destination of a conversion to raw already exists. Use -Force to replace it, or another -Destination.</summary>
        public static readonly ErrorId RawImageDestinationExists = new ErrorId(nameof(RawImageDestinationExists));

        /// <summary>
        /// Writing the raw image failed (no space, permissions, an I/O error); nothing of it was left behind. Free space or
        /// choose another -Destination.
        /// </summary>
        public static readonly ErrorId RawImageWriteFailed = new ErrorId(nameof(RawImageWriteFailed));
    }
}
