using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>
    /// A disk image presented as its raw bytes: one reader per container format. Readers validate every table when
    /// they open, so a damaged image is refused before a byte of output is produced. Calls are serialised by
    /// <see cref="DiskImage"/>.
    /// </summary>
    internal abstract class DiskReader : IDisposable
    {
        public abstract DiskFormat Format { get; }

        public abstract string Subformat { get; }

        public abstract long VirtualSize { get; }

        /// <summary>Bytes of the image's files.</summary>
        public abstract long FileSize { get; }

        /// <summary>The disk from front to back in maximal runs of allocated and unallocated bytes.</summary>
        public abstract IEnumerable<DiskExtent> Extents();

        /// <summary>Fills <paramref name="count"/> bytes from <paramref name="offset"/>, which the caller keeps inside the disk.</summary>
        public abstract void ReadAt(long offset, byte[] buffer, int index, int count);

        public abstract void Dispose();

        /// <summary>Joins neighbouring extents of the same kind, so callers see maximal runs.</summary>
        protected static IEnumerable<DiskExtent> Merge(IEnumerable<DiskExtent> extents)
        {
            DiskExtent? pending = null;
            foreach (DiskExtent extent in extents)
            {
                if (extent.Length == 0)
                {
                    continue;
                }

                if (pending is DiskExtent p && p.IsAllocated == extent.IsAllocated && p.End == extent.Offset)
                {
                    pending = new DiskExtent(p.Offset, p.Length + extent.Length, p.IsAllocated);
                    continue;
                }

                if (pending is DiskExtent done)
                {
                    yield return done;
                }

                pending = extent;
            }

            if (pending is DiskExtent last)
            {
                yield return last;
            }
        }
    }
}
