using System;
using System.IO;
using System.Runtime.InteropServices;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Checks that the image is a readable regular file before anything is written. .NET reports devices and
    /// FIFOs as ordinary files, and opening a FIFO blocks, so on Linux the file type comes from statx(2).
    /// </summary>
    internal static class ImageInputCheck
    {
        public static FileStream OpenImage(string imagePath)
        {
            if (Directory.Exists(imagePath))
            {
                throw new EucaException(ErrorIds.ImagePathIsDirectory, EucaErrorCategory.InvalidArgument, $"The image path '{imagePath}' is a directory, not an image file.", imagePath);
            }
            if (!File.Exists(imagePath))
            {
                throw new EucaException(ErrorIds.ImageNotFound, EucaErrorCategory.ObjectNotFound, $"The image file '{imagePath}' does not exist.", imagePath);
            }
            if (!LinuxFileType.IsRegularOrUnknown(imagePath))
            {
                throw new EucaException(ErrorIds.ImageNotRegularFile, EucaErrorCategory.InvalidArgument,
                    $"The image path '{imagePath}' is a device, FIFO or socket; only regular image files can be bundled.", imagePath);
            }
            try
            {
                return new FileStream(imagePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException)
            {
                throw new EucaException(ErrorIds.ImageUnreadable, EucaErrorCategory.PermissionDenied, $"The image file '{imagePath}' cannot be read: {e.Message}", imagePath, e);
            }
        }

        private static class LinuxFileType
        {
            private const int AtFdCwd = -100;
            private const uint StatxType = 0x0001;
            private const int ModeOffset = 28; // stx_mode in struct statx, the same on every architecture
            private const int TypeMask = 0xF000;
            private const int RegularFile = 0x8000;

            [DllImport("libc", SetLastError = true)]
            private static extern int statx(int dirfd, string pathname, int flags, uint mask, byte[] statxbuf);

            public static bool IsRegularOrUnknown(string path)
            {
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
                {
                    return true;
                }
                var buffer = new byte[256];
                try
                {
                    if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
                    {
                        return true; // Let opening the file report the problem.
                    }
                }
                catch (Exception e) when (e is EntryPointNotFoundException || e is DllNotFoundException)
                {
                    return true; // Old C library without statx: devices are then caught by nothing but FileStream.
                }
                int mode = buffer[ModeOffset] | (buffer[ModeOffset + 1] << 8);
                return (mode & TypeMask) == RegularFile;
            }
        }
    }
}
