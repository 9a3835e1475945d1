using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
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
        private const int Writers = 2;
        private const int BuffersInFlight = 4;

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

        /// <summary>
        /// Reads the allocated extents on this thread while two others check for zeros and write, so reading the source
        /// and writing the destination overlap as they do in qemu-img (whose requests run in parallel too); a few chunk
        /// buffers circulate between them, so memory stays the same whatever the image size.
        /// </summary>
        private static long WriteSparse(DiskImage disk, string temporary, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            string activity = $"Converting {Path.GetFileName(disk.Path)} ({disk.Format} {disk.Subformat}) to raw";
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                output.SetLength(disk.VirtualSize);
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var free = new BlockingCollection<byte[]>();
            using var full = new BlockingCollection<(long Offset, byte[] Buffer, int Count)>();
            for (int i = 0; i < BuffersInFlight; i++)
            {
                free.Add(new byte[ChunkSize]);
            }

            long written = 0;
            Task writer = Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() =>
            {
                try
                {
                    // Each writer has its own descriptor: positioned writes to distinct ranges need no coordination.
                    using var target = new FileStream(temporary, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
                    foreach (var chunk in full.GetConsumingEnumerable(stop.Token))
                    {
                        Interlocked.Add(ref written, WriteNonZeroRuns(target, chunk.Offset, chunk.Buffer, chunk.Count));
                        free.Add(chunk.Buffer);
                    }
                }
                catch
                {
                    stop.Cancel(); // the reader must not wait for a buffer that never comes back
                    throw;
                }
            })));
            try
            {
                foreach (DiskExtent extent in disk.Extents())
                {
                    for (long offset = extent.Offset; extent.IsAllocated && offset < extent.End; offset += ChunkSize)
                    {
                        byte[] buffer = free.Take(stop.Token);
                        int n = (int)Math.Min(ChunkSize, extent.End - offset);
                        disk.ReadAt(offset, buffer, 0, n);
                        full.Add((offset, buffer, n), stop.Token);
                        progress?.Report(new OperationProgress(activity, offset + n, disk.VirtualSize));
                    }

                    progress?.Report(new OperationProgress(activity, extent.End, disk.VirtualSize));
                }

                full.CompleteAdding();
                writer.GetAwaiter().GetResult();
                return written;
            }
            catch (OperationCanceledException) when (writer.IsFaulted)
            {
                writer.GetAwaiter().GetResult(); // the writer's failure is the cause
                throw;
            }
            finally
            {
                stop.Cancel();
                Task.WaitAny(writer);
            }
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
