using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.DiskImages.Conversion
{
    /// <summary>
    /// Writes the raw form of a disk image as a sparse file: the source's unallocated extents are never read, and
    /// all-zero stretches of its data are not written either, so both become holes. The file is written under a
    /// temporary name beside the destination and renamed at the end: a failure or Ctrl+C leaves nothing behind.
    /// </summary>
    public static class RawImageConverter
    {
        private const int ChunkSize = 4 << 20;
        private const int ZeroGranularity = 64 << 10;

        public static Task<RawImageConversion> ConvertAsync(string sourcePath, string destinationPath, bool force,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (sourcePath == null) throw new ArgumentNullException(nameof(sourcePath));
            if (destinationPath == null) throw new ArgumentNullException(nameof(destinationPath));
            return Task.Run(() => Convert(Path.GetFullPath(sourcePath), Path.GetFullPath(destinationPath), force, progress, ct), ct);
        }

        private static RawImageConversion Convert(string source, string destination, bool force, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (string.Equals(source, destination, StringComparison.Ordinal) || (File.Exists(destination) && !force) || Directory.Exists(destination))
            {
                throw new EucaException(ErrorIds.RawImageDestinationExists, EucaErrorCategory.ResourceExists,
                    $"The destination '{destination}' already exists{(source == destination ? " (it is the source)" : "")}. Use -Force to replace it, or another -Destination.", destination);
            }

            using DiskImage disk = DiskImage.Open(source);
            string temporary = Path.Combine(Path.GetDirectoryName(destination) ?? ".", "." + Path.GetFileName(destination) + "." + Guid.NewGuid().ToString("N") + ".partial");
            try
            {
                long written = WriteSparse(disk, temporary, progress, ct);
                if (File.Exists(destination))
                {
                    File.Delete(destination);
                }

                File.Move(temporary, destination);
                return new RawImageConversion(destination, source, disk.Format, disk.Subformat, disk.VirtualSize, written);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                File.Delete(temporary);
                throw new EucaException(ErrorIds.RawImageWriteFailed, EucaErrorCategory.ResourceUnavailable,
                    $"Writing the raw image '{destination}' failed: {e.Message} Nothing was left behind.", destination, e);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }
        }

        private static long WriteSparse(DiskImage disk, string temporary, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            string activity = $"Converting {Path.GetFileName(disk.Path)} ({disk.Format} {disk.Subformat}) to raw";
            var buffer = new byte[ChunkSize];
            long written = 0;
            using var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
            output.SetLength(disk.VirtualSize);
            foreach (DiskExtent extent in disk.Extents())
            {
                for (long offset = extent.Offset; extent.IsAllocated && offset < extent.End; offset += ChunkSize)
                {
                    ct.ThrowIfCancellationRequested();
                    int n = (int)Math.Min(ChunkSize, extent.End - offset);
                    disk.ReadAt(offset, buffer, 0, n);
                    written += WriteNonZeroRuns(output, offset, buffer, n);
                    progress?.Report(new OperationProgress(activity, offset + n, disk.VirtualSize));
                }

                progress?.Report(new OperationProgress(activity, extent.End, disk.VirtualSize));
            }

            return written;
        }

        /// <summary>Writes the parts of the chunk that are not all zeros, in as few writes as possible.</summary>
        private static long WriteNonZeroRuns(FileStream output, long offset, byte[] buffer, int count)
        {
            long written = 0;
            int runStart = -1;
            for (int at = 0; ; at += ZeroGranularity)
            {
                // Past the end counts as zeros, which ends the last run.
                bool zero = at >= count || ZeroBlock.IsAllZero(buffer, at, Math.Min(ZeroGranularity, count - at));
                if (!zero && runStart < 0)
                {
                    runStart = at;
                }
                else if (zero && runStart >= 0)
                {
                    int end = Math.Min(at, count);
                    output.Position = offset + runStart;
                    output.Write(buffer, runStart, end - runStart);
                    written += end - runStart;
                    runStart = -1;
                }

                if (at >= count)
                {
                    break;
                }
            }

            return written;
        }
    }
}
