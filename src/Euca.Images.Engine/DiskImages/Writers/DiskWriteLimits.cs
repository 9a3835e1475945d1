using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.DiskImages.Writers
{
    /// <summary>The refusal of a disk larger than the chosen format can describe, made before anything is written.</summary>
    internal static class DiskWriteLimits
    {
        public static EucaException TooLarge(long imageSize, string format, long limit) =>
            new EucaException(ErrorIds.ExportImageTooLarge, EucaErrorCategory.InvalidArgument,
                $"The disk of {imageSize} bytes is larger than a {format} file can hold ({limit} bytes). Choose another -Format (Raw has no limit).", imageSize);
    }
}
