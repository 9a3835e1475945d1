using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>The refusals every reader shares, so each names the file and what is wrong with it the same way.</summary>
    internal static class DiskImageFailure
    {
        public static EucaException HeaderInvalid(string path, string detail) =>
            new EucaException(ErrorIds.DiskImageHeaderInvalid, EucaErrorCategory.InvalidData, $"The disk image '{path}' is damaged: {detail}.", path);

        public static EucaException TableInvalid(string path, string detail) =>
            new EucaException(ErrorIds.DiskImageTableInvalid, EucaErrorCategory.InvalidData, $"The allocation tables of the disk image '{path}' overlap: {detail}.", path);

        public static EucaException BeyondFile(string path, string detail) =>
            new EucaException(ErrorIds.DiskImageBeyondFile, EucaErrorCategory.InvalidData, $"The disk image '{path}' is truncated: {detail}.", path);

        public static EucaException HasParent(string path, string kind) =>
            new EucaException(ErrorIds.DiskImageHasParent, EucaErrorCategory.NotImplemented,
                $"'{path}' is {kind}: it needs its parent to be read. Merge it into one image first (Merge-VHD, or qemu-img convert of the top image).", path);

        public static EucaException Unsupported(string path, string kind) =>
            new EucaException(ErrorIds.DiskImageSubformatUnsupported, EucaErrorCategory.NotImplemented,
                $"'{path}' is {kind}, which this module does not read. Convert it with 'qemu-img convert -O raw' first.", path);

        public static EucaException DataInvalid(string path, string detail) =>
            new EucaException(ErrorIds.DiskImageDataInvalid, EucaErrorCategory.InvalidData, $"The disk image '{path}' is damaged: {detail}.", path);
    }
}
