using System;
using System.Collections.Generic;
using System.IO;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>
    /// A disk image file of any supported format, opened and checked, presented as the raw disk it describes: its
    /// allocation map (<see cref="Extents"/>) and its bytes at any offset, without a raw copy anywhere. Reads may come
    /// from several threads (parallel uploads); they take turns on the one file handle.
    /// </summary>
    public sealed class DiskImage : IDisposable
    {
        private readonly DiskReader _reader;
        private readonly object _gate = new object();

        private DiskImage(DiskReader reader, string path)
        {
            _reader = reader;
            Path = path;
        }

        public string Path { get; }

        public DiskFormat Format => _reader.Format;

        /// <summary>fixed or dynamic (VHD, VHDX); monolithicSparse, streamOptimized or monolithicFlat (VMDK); v2 or v3 (QCOW2); raw.</summary>
        public string Subformat => _reader.Subformat;

        public long VirtualSize => _reader.VirtualSize;

        /// <summary>Whether the file is already the raw disk, byte for byte.</summary>
        public bool IsRaw => _reader.Format == DiskFormat.Raw;

        /// <summary>Opens <paramref name="path"/>, detects its format by content and validates its tables.</summary>
        public static DiskImage Open(string path) => Open(ImageFile.Open(path));

        /// <summary>Opens an image the caller has opened and checked; the disk owns the stream from here on.</summary>
        public static DiskImage Open(FileStream stream, string path) => Open(ImageFile.Adopt(stream, path));

        private static DiskImage Open(ImageFile file)
        {
            try
            {
                return new DiskImage(DiskFormatDetector.Open(file), file.Path);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        /// <summary>Format, sizes and how much of the disk is stored; walks the allocation map once.</summary>
        public DiskImageInfo Describe()
        {
            long allocated = 0;
            foreach (DiskExtent extent in Extents())
            {
                allocated += extent.IsAllocated ? extent.Length : 0;
            }

            return new DiskImageInfo(Path, Format, Subformat, VirtualSize, allocated, _reader.FileSize);
        }

        /// <summary>The disk front to back as maximal allocated and unallocated runs, computed as it is enumerated.</summary>
        public IEnumerable<DiskExtent> Extents()
        {
            using IEnumerator<DiskExtent> walk = _reader.Extents().GetEnumerator();
            while (true)
            {
                DiskExtent extent;
                lock (_gate)
                {
                    if (!walk.MoveNext())
                    {
                        yield break;
                    }

                    extent = walk.Current;
                }

                yield return extent;
            }
        }

        /// <summary>Fills <paramref name="count"/> bytes of the raw disk from <paramref name="offset"/>, which must lie inside it.</summary>
        public void ReadAt(long offset, byte[] buffer, int index, int count)
        {
            if (offset < 0 || count < 0 || offset > VirtualSize - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"Bytes {offset}..{offset + count} are outside the {VirtualSize}-byte disk.");
            }

            lock (_gate)
            {
                _reader.ReadAt(offset, buffer, index, count);
            }
        }

        /// <summary>A seekable read-only stream of the raw disk; it does not own the image.</summary>
        public Stream OpenRawStream() => new DiskImageStream(this);

        public void Dispose() => _reader.Dispose();
    }
}
