using System;
using System.IO;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Import
{
    /// <summary>The facts about a local disk file an import needs: size, image bytes, volume size, wire format.</summary>
    internal sealed class PreparedDisk
    {
        private PreparedDisk(string path, long fileSize, long imageBytes, long volumeSize, string format)
        {
            Path = path;
            FileSize = fileSize;
            ImageBytes = imageBytes;
            VolumeSize = volumeSize;
            Format = format;
        }

        public string Path { get; }

        public string FileName => System.IO.Path.GetFileName(Path);

        public long FileSize { get; }

        public long ImageBytes { get; }

        public long VolumeSize { get; }

        /// <summary>RAW or VMDK, as ImportVolume and the manifest spell it.</summary>
        public string Format { get; }

        public static PreparedDisk From(DiskImportRequest request)
        {
            long fileSize = FileSizeOf(request.Path);
            long imageBytes = request.Format == ImportDiskFormat.Vmdk ? VmdkHeader.ReadCapacityBytes(request.Path) : fileSize;
            long needed = ImportPartPlan.VolumeSizeFor(imageBytes);
            long volumeSize = request.VolumeSize ?? needed;
            if (volumeSize < needed)
            {
                throw new EucaException(ErrorIds.ImportVolumeTooSmall, EucaErrorCategory.InvalidArgument,
                    $"A {volumeSize} GiB volume cannot hold the {imageBytes}-byte image '{request.Path}'; it needs at least {needed} GiB.", request.VolumeSize);
            }

            return new PreparedDisk(request.Path, fileSize, imageBytes, volumeSize, request.Format == ImportDiskFormat.Vmdk ? "VMDK" : "RAW");
        }

        /// <summary>For resume: the task fixes format, image bytes and volume size; only the file is new.</summary>
        public static PreparedDisk ForTask(string path, ConversionVolumeInfo volume) =>
            new PreparedDisk(path, FileSizeOf(path), volume.ImageSize, volume.VolumeSize, string.IsNullOrEmpty(volume.Format) ? "RAW" : volume.Format.ToUpperInvariant());

        private static long FileSizeOf(string path)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new EucaException(ErrorIds.ImportFileNotFound, EucaErrorCategory.ObjectNotFound, $"The disk image '{path}' does not exist.", path);
            }

            if (file.Length == 0)
            {
                throw new EucaException(ErrorIds.ImportFileEmpty, EucaErrorCategory.InvalidArgument, $"The disk image '{path}' is empty.", path);
            }

            return file.Length;
        }
    }
}
