using System;
using System.IO;
using System.Threading;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Writes a decompressed stream to a new file, seeking over all-zero blocks instead of writing them, so the
    /// empty parts of a disk image become holes (the bundler and DiskImages then skip them too). Bounded: a stream
    /// longer than the limit is refused rather than filling the disk.
    /// </summary>
    internal static class SparseFileWriter
    {
        private const int ChunkSize = 1 << 20;
        private const int ZeroGranularity = 64 << 10;

        /// <summary>Returns the bytes written to the file (its length, holes included).</summary>
        public static long Write(Stream source, string path, long maxBytes, ChecksumHasher? hasher, IProgress<OperationProgress>? progress, string activity,
            CancellationToken ct)
        {
            var buffer = new byte[ChunkSize];
            long length = 0;
            try
            {
                using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
                int n;
                while ((n = ReadChunk(source, buffer)) > 0)
                {
                    ct.ThrowIfCancellationRequested();
                    if (length + n > maxBytes)
                    {
                        throw new EucaException(ErrorIds.CatalogContentTooLarge, EucaErrorCategory.InvalidData,
                            $"{activity}: the content is larger than the {maxBytes} bytes an image may have.", path);
                    }

                    hasher?.Append(buffer, 0, n);
                    WriteNonZero(output, buffer, n);
                    length += n;
                    progress?.Report(new OperationProgress(activity, length, null));
                }

                // The length covers a trailing hole too.
                output.SetLength(length);
                return length;
            }
            catch (IOException e)
            {
                throw new EucaException(ErrorIds.CatalogWorkFileFailed, EucaErrorCategory.ResourceUnavailable,
                    $"Writing '{path}' failed: {e.Message}", path, e);
            }
        }

        private static int ReadChunk(Stream source, byte[] buffer)
        {
            int count = 0;
            int n;
            while (count < buffer.Length && (n = source.Read(buffer, count, buffer.Length - count)) > 0)
            {
                count += n;
            }

            return count;
        }

        private static void WriteNonZero(FileStream output, byte[] buffer, int count)
        {
            for (int at = 0; at < count; at += ZeroGranularity)
            {
                int n = Math.Min(ZeroGranularity, count - at);
                if (ZeroBlock.IsAllZero(buffer, at, n))
                {
                    output.Seek(n, SeekOrigin.Current);
                }
                else
                {
                    output.Write(buffer, at, n);
                }
            }
        }
    }
}
