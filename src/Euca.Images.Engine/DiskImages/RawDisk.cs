using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>
    /// A file with no container format: the disk is the file. Its holes (Linux lseek SEEK_DATA/SEEK_HOLE) are the
    /// unallocated extents, so a sparse raw file converts to a sparse raw file without reading its holes; where the
    /// file system cannot say, the whole file counts as allocated.
    /// </summary>
    internal sealed class RawDisk : DiskReader
    {
        private const int SeekData = 3; // Linux's values
        private const int SeekHole = 4;
        private const int NoDataAfterOffset = 6; // ENXIO

        private readonly ImageFile _file;

        public RawDisk(ImageFile file)
        {
            _file = file;
        }

        public override DiskFormat Format => DiskFormat.Raw;

        public override string Subformat => "raw";

        public override long VirtualSize => _file.Length;

        public override long FileSize => _file.Length;

        public override IEnumerable<DiskExtent> Extents() => Merge(Walk());

        private IEnumerable<DiskExtent> Walk()
        {
            long length = _file.Length;
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || length == 0)
            {
                yield return new DiskExtent(0, length, true);
                yield break;
            }

            for (long position = 0; position < length;)
            {
                long data = Seek(position, SeekData, out int error);
                if (data < 0)
                {
                    // No data after this offset: the rest is one hole. Any other failure: count the rest as data.
                    yield return new DiskExtent(position, length - position, error != NoDataAfterOffset);
                    yield break;
                }

                if (data > position)
                {
                    long holeEnd = Math.Min(data, length);
                    yield return new DiskExtent(position, holeEnd - position, false);
                    position = holeEnd;
                    continue;
                }

                long hole = Seek(position, SeekHole, out _);
                long dataEnd = hole > position ? Math.Min(hole, length) : length;
                yield return new DiskExtent(position, dataEnd - position, true);
                position = dataEnd;
            }
        }

        public override void ReadAt(long offset, byte[] buffer, int index, int count) =>
            _file.ReadExactly(offset, buffer, index, count, "the raw disk");

        private long Seek(long offset, int whence, out int error)
        {
            long result = NativeMethods.lseek(_file.Handle, offset, whence);
            error = result < 0 ? Marshal.GetLastWin32Error() : 0;
            return result;
        }

        public override void Dispose() => _file.Dispose();

        private static class NativeMethods
        {
            [DllImport("libc", SetLastError = true)]
            public static extern long lseek(SafeFileHandle fd, long offset, int whence);
        }
    }
}
