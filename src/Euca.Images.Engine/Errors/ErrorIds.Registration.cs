namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for checks of a registration or a new image's name, raised before any call.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// A registration names neither a manifest location nor a root snapshot. Give -ImageLocation (instance-store) or
        /// -SnapshotId (EBS-backed).
        /// </summary>
        public static readonly ErrorId ImageSourceMissing = new ErrorId(nameof(ImageSourceMissing));

        /// <summary>
        /// An instance-store registration (a manifest location) was also given a root snapshot or root device name. Leave
        /// those out.
        /// </summary>
        public static readonly ErrorId ImageSourceConflict = new ErrorId(nameof(ImageSourceConflict));

        /// <summary>A manifest location is not BUCKET/PREFIX.manifest.xml. Give the location Send-EucaBundle reported.</summary>
        public static readonly ErrorId ImageLocationInvalid = new ErrorId(nameof(ImageLocationInvalid));

        /// <summary>An image name is not 3 to 128 letters, digits and ( ) . - / _. Choose another name.</summary>
        public static readonly ErrorId ImageNameInvalid = new ErrorId(nameof(ImageNameInvalid));

        /// <summary>An image description is longer than Eucalyptus' 255 characters. Shorten it.</summary>
        public static readonly ErrorId ImageDescriptionTooLong = new ErrorId(nameof(ImageDescriptionTooLong));

        /// <summary>
        /// The architecture is not one Eucalyptus knows (i386, x86_64, armhf, ...). Give one of the listed values.
        /// </summary>
        public static readonly ErrorId ArchitectureInvalid = new ErrorId(nameof(ArchitectureInvalid));

        /// <summary>
        /// The platform is not windows, the only platform EC2 and Eucalyptus know. Leave it out or give windows.
        /// </summary>
        public static readonly ErrorId PlatformInvalid = new ErrorId(nameof(PlatformInvalid));

        /// <summary>
        /// A paravirtual image was registered without both a kernel and a ramdisk. Give -KernelId and -RamdiskId, or
        /// register it as hvm.
        /// </summary>
        public static readonly ErrorId ParavirtualNeedsKernelAndRamdisk = new ErrorId(nameof(ParavirtualNeedsKernelAndRamdisk));

        /// <summary>
        /// An EBS-backed image was registered as paravirtual, which Eucalyptus does not run. Use -VirtualizationType hvm
        /// or leave it out.
        /// </summary>
        public static readonly ErrorId EbsImageMustBeHvm = new ErrorId(nameof(EbsImageMustBeHvm));

        /// <summary>A Windows image was registered as paravirtual. Register it as hvm.</summary>
        public static readonly ErrorId WindowsImageMustBeHvm = new ErrorId(nameof(WindowsImageMustBeHvm));

        /// <summary>An instance-store image maps EBS volumes. Map ephemeral disks or none.</summary>
        public static readonly ErrorId EbsMappingNotAllowed = new ErrorId(nameof(EbsMappingNotAllowed));

        /// <summary>
        /// The root device is mapped to a snapshot other than the root snapshot. Give one snapshot for the root device.
        /// </summary>
        public static readonly ErrorId RootSnapshotConflict = new ErrorId(nameof(RootSnapshotConflict));

        /// <summary>A device name in a block device mapping is not a device such as /dev/sdb or sdb. Correct the name.</summary>
        public static readonly ErrorId DeviceNameInvalid = new ErrorId(nameof(DeviceNameInvalid));

        /// <summary>A device is mapped more than once. Map each device once.</summary>
        public static readonly ErrorId DeviceNameDuplicate = new ErrorId(nameof(DeviceNameDuplicate));

        /// <summary>A virtual device name is not ephemeral0 to ephemeral3. Correct it.</summary>
        public static readonly ErrorId VirtualNameInvalid = new ErrorId(nameof(VirtualNameInvalid));

        /// <summary>More than one ephemeral device was mapped; Eucalyptus supports one per image. Map one.</summary>
        public static readonly ErrorId TooManyEphemeralDevices = new ErrorId(nameof(TooManyEphemeralDevices));

        /// <summary>A volume size of 0 was given for a mapped device. Give a positive size in GiB or leave it out.</summary>
        public static readonly ErrorId VolumeSizeInvalid = new ErrorId(nameof(VolumeSizeInvalid));

        /// <summary>
        /// A block device mapping is malformed (DEV=ephemeralN, DEV=none or
        /// DEV=[snap|vol]:[GiB]:[true|false]:[type[:iops]]). Correct the mapping.
        /// </summary>
        public static readonly ErrorId BlockDeviceMappingInvalid = new ErrorId(nameof(BlockDeviceMappingInvalid));
    }
}
