using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Reads a sparse image file without reading its holes. Disk images are mostly unallocated, and reading a hole
    /// still makes the kernel zero-fill every page (measured here: about 2 s of system time per GiB), which made an
    /// 8 GiB sparse image cost as much as compressing data. Linux's lseek(SEEK_DATA/SEEK_HOLE) says where the holes
    /// are; their bytes are produced as zeros in memory instead. The bytes returned are exactly the file's.
    /// Elsewhere, or on file systems that cannot say, every byte is read as usual.
    /// </summary>
    internal sealed class HoleSkippingStream : Stream
    {
        // Linux's values; macOS numbers them the other way round, so this is used on Linux only.
        private const int SeekData = 3;
        private const int SeekHole = 4;
        private const int NoDataAfterOffset = 6; // ENXIO

        private readonly FileStream _file;
        private readonly long _length;
        private long _position;
        private long _holeEnd;   // [_position, _holeEnd) is known to be a hole
        private long _dataEnd;   // [_position, _dataEnd) is known to be data

        private HoleSkippingStream(FileStream file, long length)
        {
            _file = file;
            _length = length;
        }

        /// <summary>Bytes produced from holes without reading them.</summary>
        public long HoleBytesSkipped { get; private set; }

        /// <summary>The file itself where holes cannot be found, else a stream that skips them.</summary>
        public static Stream Wrap(FileStream file)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return file;
            }

            var stream = new HoleSkippingStream(file, file.Length);
            return stream.ProbeWorks() ? stream : file;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= _length || count == 0)
            {
                return 0;
            }

            if (_position >= _holeEnd && _position >= _dataEnd)
            {
                Locate();
            }

            int produced;
            if (_position < _holeEnd)
            {
                produced = (int)Math.Min(count, _holeEnd - _position);
                Array.Clear(buffer, offset, produced);
                HoleBytesSkipped += produced;
            }
            else
            {
                int wanted = (int)Math.Min(count, _dataEnd - _position);
                _file.Position = _position;
                produced = _file.Read(buffer, offset, wanted);
                if (produced == 0)
                {
                    return 0; // the file shrank; the tar source reports it
                }
            }

            _position += produced;
            return produced;
        }

        /// <summary>Finds whether the current position starts a hole or data, and where that run ends.</summary>
        private void Locate()
        {
            long data = Seek(_position, SeekData, out int error);
            if (data < 0)
            {
                // No data after this offset: the rest of the file is one hole. Any other failure: read it all.
                if (error == NoDataAfterOffset)
                {
                    _holeEnd = _length;
                }
                else
                {
                    _dataEnd = _length;
                }

                return;
            }

            if (data > _position)
            {
                _holeEnd = Math.Min(data, _length);
                return;
            }

            long hole = Seek(_position, SeekHole, out _);
            _dataEnd = hole > _position ? Math.Min(hole, _length) : _length;
        }

        /// <summary>One lseek call at the start tells whether the file system can find holes at all.</summary>
        private bool ProbeWorks()
        {
            if (_length == 0)
            {
                return false;
            }

            long data = Seek(0, SeekData, out int error);
            return data >= 0 || error == NoDataAfterOffset;
        }

        private long Seek(long offset, int whence, out int error)
        {
            // lseek moves the descriptor's offset; reads set FileStream.Position explicitly before each read.
            long result = NativeMethods.lseek(_file.SafeFileHandle, offset, whence);
            error = result < 0 ? Marshal.GetLastWin32Error() : 0;
            return result;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static class NativeMethods
        {
            [DllImport("libc", SetLastError = true)]
            public static extern long lseek(SafeFileHandle fd, long offset, int whence);
        }
    }
}
