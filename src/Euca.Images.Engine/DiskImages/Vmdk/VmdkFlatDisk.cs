using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Euca.Images.Engine.DiskImages.Vmdk
{
    /// <summary>
    /// monolithicFlat: a text descriptor whose FLAT extents name raw files beside it (and ZERO extents that have
    /// none); the disk is the extents in line order. Extent files must stay in the descriptor's folder and be long
    /// enough for the sectors the descriptor gives them.
    /// </summary>
    internal sealed class VmdkFlatDisk : DiskReader
    {
        private readonly ImageFile _descriptor;
        private readonly List<Extent> _extents;

        private VmdkFlatDisk(ImageFile descriptor, List<Extent> extents)
        {
            _descriptor = descriptor;
            _extents = extents;
            VirtualSize = extents.Sum(e => e.Length);
        }

        public override DiskFormat Format => DiskFormat.Vmdk;

        public override string Subformat => "monolithicFlat";

        public override long VirtualSize { get; }

        public override long FileSize => _descriptor.Length + _extents.Where(e => e.File != null).Sum(e => e.File!.Length);

        public static VmdkFlatDisk Open(ImageFile descriptorFile)
        {
            string path = descriptorFile.Path;
            if (descriptorFile.Length > VmdkDescriptor.MaxLength)
            {
                throw DiskImageFailure.HeaderInvalid(path, "the VMDK descriptor is larger than 1 MiB");
            }

            byte[] bytes = descriptorFile.ReadBytes(0, (int)descriptorFile.Length, "the VMDK descriptor");
            VmdkDescriptor descriptor = VmdkDescriptor.Parse(Encoding.UTF8.GetString(bytes, 0, VmdkDescriptor.TextLength(bytes, bytes.Length)), path);
            if (!descriptor.CreateType.Equals("monolithicFlat", StringComparison.OrdinalIgnoreCase))
            {
                throw DiskImageFailure.Unsupported(path, $"a '{descriptor.CreateType}' VMDK");
            }

            if (descriptor.Extents.Count == 0)
            {
                throw DiskImageFailure.HeaderInvalid(path, "the VMDK descriptor lists no extents");
            }

            var extents = new List<Extent>();
            try
            {
                long start = 0;
                foreach (VmdkExtentLine line in descriptor.Extents)
                {
                    Extent extent = OpenExtent(path, line, start);
                    extents.Add(extent);
                    start += extent.Length;
                }
            }
            catch
            {
                extents.ForEach(e => e.File?.Dispose());
                throw;
            }

            return new VmdkFlatDisk(descriptorFile, extents);
        }

        private static Extent OpenExtent(string path, VmdkExtentLine line, long start)
        {
            long length = line.Sectors * 512;
            if (line.Type == "ZERO")
            {
                return new Extent(start, length, null, 0);
            }

            if (line.Type != "FLAT" || line.File == null)
            {
                throw DiskImageFailure.Unsupported(path, $"a VMDK with a {line.Type} extent");
            }

            ImageFile file = ImageFile.Open(VmdkDescriptor.ExtentPath(path, line.File));
            long offset = line.OffsetSectors * 512;
            if (offset + length > file.Length)
            {
                file.Dispose();
                throw DiskImageFailure.BeyondFile(path, $"the extent '{line.File}' should hold {length} bytes from byte {offset}, but the file has {file.Length}");
            }

            return new Extent(start, length, file, offset);
        }

        public override IEnumerable<DiskExtent> Extents() => Merge(_extents.Select(e => new DiskExtent(e.Start, e.Length, e.File != null)));

        public override void ReadAt(long offset, byte[] buffer, int index, int count)
        {
            foreach (Extent extent in _extents)
            {
                if (count == 0)
                {
                    return;
                }

                if (offset >= extent.Start + extent.Length)
                {
                    continue;
                }

                int n = (int)Math.Min(count, extent.Start + extent.Length - offset);
                if (extent.File == null)
                {
                    Array.Clear(buffer, index, n);
                }
                else
                {
                    extent.File.ReadExactly(extent.FileOffset + offset - extent.Start, buffer, index, n, "a flat extent");
                }

                offset += n;
                index += n;
                count -= n;
            }
        }

        public override void Dispose()
        {
            _extents.ForEach(e => e.File?.Dispose());
            _descriptor.Dispose();
        }

        private sealed class Extent
        {
            public Extent(long start, long length, ImageFile? file, long fileOffset)
            {
                Start = start;
                Length = length;
                File = file;
                FileOffset = fileOffset;
            }

            public long Start { get; }

            public long Length { get; }

            public ImageFile? File { get; }

            public long FileOffset { get; }
        }
    }
}
