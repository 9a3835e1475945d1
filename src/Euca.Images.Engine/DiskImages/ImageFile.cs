using System;
using System.IO;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>
    /// One file of a disk image, read at absolute offsets. Callers serialise access (the disk takes a lock), so one
    /// unbuffered descriptor serves every read; short reads mean the file is shorter than its tables say.
    /// </summary>
    internal sealed class ImageFile : IDisposable
    {
        private readonly FileStream _stream;

        private ImageFile(FileStream stream, string path)
        {
            _stream = stream;
            Path = path;
            Length = stream.Length;
        }

        public string Path { get; }

        public long Length { get; }

        public static ImageFile Open(string path)
        {
            if (Directory.Exists(path))
            {
                throw new EucaException(ErrorIds.DiskImageUnreadable, EucaErrorCategory.InvalidArgument, $"'{path}' is a directory, not a disk image file.", path);
            }

            if (!File.Exists(path))
            {
                throw new EucaException(ErrorIds.DiskImageNotFound, EucaErrorCategory.ObjectNotFound, $"The disk image file '{path}' does not exist.", path);
            }

            try
            {
                return new ImageFile(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1), path);
            }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException)
            {
                throw new EucaException(ErrorIds.DiskImageUnreadable, EucaErrorCategory.PermissionDenied, $"The disk image file '{path}' cannot be read: {e.Message}", path, e);
            }
        }

        /// <summary>Takes over a stream opened (and checked) by the caller.</summary>
        public static ImageFile Adopt(FileStream stream, string path) => new ImageFile(stream, path);

        /// <summary>The native handle, for the hole queries of raw files.</summary>
        public Microsoft.Win32.SafeHandles.SafeFileHandle Handle => _stream.SafeFileHandle;

        /// <summary>Reads as much as the file holds of the range; fewer bytes only at the end of the file.</summary>
        public int ReadAvailable(long offset, byte[] buffer, int index, int count)
        {
            int total = 0;
            try
            {
                _stream.Position = offset;
                while (total < count)
                {
                    int n = _stream.Read(buffer, index + total, count - total);
                    if (n == 0)
                    {
                        break;
                    }

                    total += n;
                }
            }
            catch (IOException e)
            {
                throw new EucaException(ErrorIds.DiskImageUnreadable, EucaErrorCategory.ResourceUnavailable, $"Reading the disk image file '{Path}' failed: {e.Message}", Path, e);
            }

            return total;
        }

        /// <summary>Reads the whole range or refuses: a range the tables name must lie inside the file.</summary>
        public void ReadExactly(long offset, byte[] buffer, int index, int count, string what)
        {
            if (ReadAvailable(offset, buffer, index, count) != count)
            {
                throw DiskImageFailure.BeyondFile(Path, $"{what} at byte {offset} ({count} bytes) runs past the end of the {Length}-byte file");
            }
        }

        public byte[] ReadBytes(long offset, int count, string what)
        {
            var bytes = new byte[count];
            ReadExactly(offset, bytes, 0, count, what);
            return bytes;
        }

        public void Dispose() => _stream.Dispose();
    }
}
