using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Files;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Turns a download into the files to install, by content: a disk image as it is (no copy); gzip, xz or bzip2
    /// decompressed into a sparse file; a tarball (plain or compressed) read in one pass for its disk image and, in
    /// eustore tarballs, kernel and ramdisk; a euimage pack's image.xz decompressed and verified. Compressed content is
    /// always written out once, because the bundler and DiskImages need the disk's size and random access (a qcow2
    /// inside an xz cannot be read without seeking), and a decompressor can give neither.
    /// </summary>
    public static class CatalogUnpacker
    {
        public static Task<UnpackedImage> UnpackAsync(CatalogUnpackRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return Task.Run(() => Unpack(request, progress, ct), ct);
        }

        private static UnpackedImage Unpack(CatalogUnpackRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            string what = Path.GetFileName(request.SourcePath);
            Directory.CreateDirectory(request.WorkDirectory);
            using PrefixedStream file = PrefixedStream.Peek(RegularFile.OpenRead(request.SourcePath, 1 << 16, FileOptions.SequentialScan), out PackedKind kind);
            if (kind == PackedKind.Disk)
            {
                return new UnpackedImage(request.SourcePath, diskIsSource: true);
            }

            if (kind == PackedKind.Tar)
            {
                return new TarballUnpacker(request, what, progress, ct).Unpack(file);
            }

            using PrefixedStream plain = PrefixedStream.Peek(PackedContent.Decompress(kind, file, what), out PackedKind inner);
            if (inner == PackedKind.Tar)
            {
                return new TarballUnpacker(request, what, progress, ct).Unpack(plain);
            }

            string disk = Path.Combine(request.WorkDirectory, "disk.img");
            SparseFileWriter.Write(plain, disk, request.MaxImageBytes, null, progress, $"Decompressing {what} ({kind.ToString().ToLowerInvariant()})", ct);
            return new UnpackedImage(disk, diskIsSource: false);
        }
    }
}
