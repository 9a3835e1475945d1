using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// The facts about a local disk an import needs (bytes sent, image bytes, volume size, wire format) and the
    /// bytes themselves. The import service takes only RAW and VMDK: a raw file and a sparse or stream-optimized VMDK
    /// are sent as they are; every other format (VHD, VHDX, QCOW2, a monolithicFlat VMDK) is sent as the raw disk it
    /// describes, read on the fly from the image, never copied to disk. A disk that is not a local file
    /// (<see cref="IImportDiskSource"/>) is sent as it is, read by range.
    /// </summary>
    internal sealed class PreparedDisk : IDisposable
    {
        private readonly DiskImage? _converted;
        private readonly IImportDiskSource? _source;

        private PreparedDisk(string path, long fileSize, long imageBytes, long volumeSize, string format, DiskImage? converted, IImportDiskSource? source = null)
        {
            _source = source;
            Path = path;
            FileSize = fileSize;
            ImageBytes = imageBytes;
            VolumeSize = volumeSize;
            Format = format;
            _converted = converted;
        }

        public string Path { get; }

        /// <summary>False for a disk read from another cloud's object storage, which Resume-EucaImport cannot take.</summary>
        public bool IsLocalFile => _source == null;

        public string FileName => _source?.FileName ?? System.IO.Path.GetFileName(Path);

        /// <summary>The bytes sent: the file's length, or the virtual size of a disk converted on the fly.</summary>
        public long FileSize { get; }

        public long ImageBytes { get; }

        public long VolumeSize { get; }

        /// <summary>RAW or VMDK, as ImportVolume and the manifest spell it.</summary>
        public string Format { get; }

        public static PreparedDisk From(DiskImportRequest request)
        {
            if (request.Source is IImportDiskSource source)
            {
                return new PreparedDisk(source.Name, source.Length, source.ImageBytes, VolumeSizeFor(request, source.ImageBytes, source.Name),
                    source.Format == ImportDiskFormat.Vmdk ? "VMDK" : "RAW", null, source);
            }

            DiskImage image = Open(request.Path);
            try
            {
                bool sendVmdk = request.Format == ImportDiskFormat.Vmdk || (request.Format == null && IsSparseVmdk(image));
                if (sendVmdk && !IsSparseVmdk(image))
                {
                    throw new EucaException(ErrorIds.ImportVmdkInvalid, EucaErrorCategory.InvalidData,
                        $"'{request.Path}' is a {image.Format} {image.Subformat} disk, not a sparse or stream-optimized VMDK; import it without -Format Vmdk, and it is sent as raw.", request.Path);
                }

                return Sending(image, sendVmdk ? "VMDK" : "RAW", image.VirtualSize, VolumeSizeFor(request, image.VirtualSize, request.Path));
            }
            catch
            {
                image.Dispose();
                throw;
            }
        }

        /// <summary>For resume: the task fixes format, image bytes and volume size; only the file is new.</summary>
        public static PreparedDisk ForTask(string path, ConversionVolumeInfo volume) =>
            Sending(Open(path), string.IsNullOrEmpty(volume.Format) ? "RAW" : volume.Format.ToUpperInvariant(), volume.ImageSize, volume.VolumeSize);

        /// <summary>Reads bytes <paramref name="start"/>.. of what is sent into the buffer.</summary>
        public async Task ReadAsync(long start, byte[] buffer, int length, CancellationToken cancellationToken)
        {
            if (_source != null)
            {
                await _source.ReadAsync(start, buffer, length, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (_converted != null)
            {
                _converted.ReadAt(start, buffer, 0, length);
                return;
            }

            using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            file.Position = start;
            int read = 0;
            while (read < length)
            {
                int n = await file.ReadAsync(buffer, read, length - read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new EucaException(ErrorIds.ImportFileChanged, EucaErrorCategory.InvalidData,
                        $"'{Path}' ended at byte {start + read}: the file changed during the import.", Path);
                }

                read += n;
            }
        }

        public void Dispose() => _converted?.Dispose();

        /// <summary>A raw file or a VMDK sent as VMDK goes as it is; anything else as its raw disk.</summary>
        private static PreparedDisk Sending(DiskImage image, string format, long imageBytes, long volumeSize)
        {
            bool asIs = format == "VMDK" || image.IsRaw;
            if (asIs)
            {
                image.Dispose();
            }

            long fileSize = asIs ? new FileInfo(image.Path).Length : image.VirtualSize;
            return new PreparedDisk(image.Path, fileSize, imageBytes, volumeSize, format, asIs ? null : image);
        }

        private static long VolumeSizeFor(DiskImportRequest request, long imageBytes, string name)
        {
            long needed = ImportPartPlan.VolumeSizeFor(imageBytes);
            long volumeSize = request.VolumeSize ?? needed;
            if (volumeSize < needed)
            {
                throw new EucaException(ErrorIds.ImportVolumeTooSmall, EucaErrorCategory.InvalidArgument,
                    $"A {volumeSize} GiB volume cannot hold the {imageBytes}-byte image '{name}'; it needs at least {needed} GiB.", request.VolumeSize);
            }

            return volumeSize;
        }

        private static bool IsSparseVmdk(DiskImage image) => image.Format == DiskFormat.Vmdk && image.Subformat != "monolithicFlat";

        private static DiskImage Open(string path)
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

            return DiskImage.Open(path);
        }
    }
}
