using System;
using System.IO;

namespace Euca.Images.Engine.DiskImages.Writers
{
    /// <summary>
    /// A disk image file being written from its raw disk, which arrives front to back through <see cref="Write"/>
    /// (a forward-only stream, such as a bundle being expanded) with its size known in advance. The bytes are cut
    /// into 64 KiB units; all-zero units are never stored, so only the data of the disk reaches the file, and only
    /// the format's tables are held in memory. <see cref="Complete"/> ends the disk and writes what the format keeps
    /// at the start or the end (seeking is allowed: the output is a local file).
    /// </summary>
    public abstract class DiskImageWriter : Stream
    {
        /// <summary>The unit of zero detection; also the VMDK grain, so each unit is exactly one grain.</summary>
        public const int UnitSize = 64 << 10;

        private readonly byte[] _unit = new byte[UnitSize];
        private int _filled;
        private long _written;
        private long _stored;
        private bool _completed;

        protected DiskImageWriter(Stream file, long imageSize)
        {
            File = file ?? throw new ArgumentNullException(nameof(file));
            if (!file.CanWrite || !file.CanSeek)
            {
                throw new ArgumentException("A disk image is written to a seekable, writable file.", nameof(file));
            }

            if (imageSize < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "A disk cannot have a negative size.");
            }

            ImageSize = imageSize;
        }

        public abstract DiskFormat Format { get; }

        /// <summary>
        /// A writer of <paramref name="format"/> (Raw, Vhdx or Vmdk) into <paramref name="file"/>, a fresh seekable file
        /// named <paramref name="fileName"/> (a VMDK names itself in its descriptor).
        /// </summary>
        public static DiskImageWriter Create(DiskFormat format, Stream file, long imageSize, string fileName)
        {
            switch (format)
            {
                case DiskFormat.Raw:
                    return new RawDiskWriter(file, imageSize);
                case DiskFormat.Vhdx:
                    return new VhdxDiskWriter(file, imageSize);
                case DiskFormat.Vmdk:
                    return new VmdkStreamWriter(file, imageSize, fileName);
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, "Disk images are written as Raw, Vhdx or Vmdk.");
            }
        }

        /// <summary>The format's variant, in the words Get-EucaDiskImage reports it (dynamic, streamOptimized, raw).</summary>
        public abstract string Subformat { get; }

        /// <summary>The bytes of raw disk this writer takes.</summary>
        public long ImageSize { get; }

        /// <summary>The disk size the written file declares: <see cref="ImageSize"/>, rounded up to whole sectors where the format counts in sectors.</summary>
        public virtual long VirtualSize => ImageSize;

        /// <summary>Bytes of the raw disk stored in the file (the units that were not all zeros).</summary>
        public long DataBytes { get; private set; }

        protected Stream File { get; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => !_completed;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        /// <summary>Rounds a byte count up to whole 512-byte sectors.</summary>
        protected static long WholeSectors(long bytes) => (bytes + 511) / 512 * 512;

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (_completed) throw new InvalidOperationException("The disk image is complete.");
            if (count > ImageSize - _written)
            {
                // An IOException: the payload reader reports it as the image failing to be written.
                throw new IOException($"The raw disk goes past the {ImageSize} bytes the disk image was created for.");
            }

            _written += count;
            while (count > 0)
            {
                if (_filled == 0 && count >= UnitSize)
                {
                    Store(buffer, offset, UnitSize);
                    offset += UnitSize;
                    count -= UnitSize;
                    continue;
                }

                int n = Math.Min(count, UnitSize - _filled);
                Buffer.BlockCopy(buffer, offset, _unit, _filled, n);
                _filled += n;
                offset += n;
                count -= n;
                if (_filled == UnitSize)
                {
                    Store(_unit, 0, UnitSize);
                    _filled = 0;
                }
            }
        }

        /// <summary>Ends the disk: stores the last partial unit and writes the format's tables and headers.</summary>
        public void Complete()
        {
            if (_completed) throw new InvalidOperationException("The disk image is complete.");
            if (_written != ImageSize)
            {
                throw new InvalidOperationException($"The disk image was created for {ImageSize} bytes, but {_written} were written.");
            }

            if (_filled > 0)
            {
                // The last unit of an odd-sized disk: zeros after the disk's end, so formats that store whole units pad with zeros.
                Array.Clear(_unit, _filled, UnitSize - _filled);
                Store(_unit, 0, _filled);
                _filled = 0;
            }

            _completed = true;
            Finish();
            File.Flush();
        }

        private void Store(byte[] buffer, int offset, int length)
        {
            long diskOffset = _stored;
            _stored += length;
            if (!ZeroBlock.IsAllZero(buffer, offset, length))
            {
                WriteUnit(diskOffset, buffer, offset, length);
                DataBytes += length;
            }
        }

        /// <summary>
        /// Stores one unit that is not all zeros: <paramref name="length"/> bytes of the disk from <paramref name="diskOffset"/>
        /// (a multiple of <see cref="UnitSize"/>). Only the disk's last unit is shorter; its buffer holds zeros up to a whole unit.
        /// </summary>
        protected abstract void WriteUnit(long diskOffset, byte[] buffer, int offset, int length);

        /// <summary>Writes the tables and headers once every unit has been stored.</summary>
        protected abstract void Finish();

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
