using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.DiskImages.Writers
{
    /// <summary>The refusal of a disk the chosen format cannot describe (too large, or empty), made before anything is written.</summary>
    internal static class DiskWriteLimits
    {
        /// <summary>Refuses an empty disk: VHDX and VMDK describe disks of at least one sector.</summary>
        public static void RequireData(long imageSize, string format)
        {
            if (imageSize == 0)
            {
                throw new EucaException(ErrorIds.ExportImageEmpty, EucaErrorCategory.InvalidData,
                    $"The image's disk is empty (0 bytes), and a {format} file describes a disk of at least one sector. Export it with -Format Raw (an empty file).", imageSize);
            }
        }

        public static EucaException TooLarge(long imageSize, string format, long limit) =>
            new EucaException(ErrorIds.ExportImageTooLarge, EucaErrorCategory.InvalidArgument,
                $"The disk of {imageSize} bytes is larger than a {format} file can hold ({limit} bytes). Choose another -Format (Raw has no limit).", imageSize);
    }
}
