using System;
using System.IO;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Checks that the image is a readable regular file before anything is written. .NET reports devices and
    /// FIFOs as ordinary files, and opening a FIFO blocks, so the type is checked first (RegularFile).
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
            try
            {
                return RegularFile.OpenRead(imagePath, bufferSize: 1, FileOptions.SequentialScan);
            }
            catch (NotRegularFileException)
            {
                throw new EucaException(ErrorIds.ImageNotRegularFile, EucaErrorCategory.InvalidArgument,
                    $"The image path '{imagePath}' is a device, FIFO or socket; only regular image files can be bundled.", imagePath);
            }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException)
            {
                throw new EucaException(ErrorIds.ImageUnreadable, EucaErrorCategory.PermissionDenied, $"The image file '{imagePath}' cannot be read: {e.Message}", imagePath, e);
            }
        }
    }
}
