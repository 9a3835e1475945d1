using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Compression;
using Euca.Images.Engine.Bundling.Pipeline;
using Euca.Images.Engine.Bundling.Tar;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Turns an image file into bundle parts: image -> tar -> [SHA-1] -> gzip -> AES-128-CBC -> parts, the
    /// format euca2ools writes. The stages overlap on separate threads, joined by bounded queues so memory stays
    /// flat whatever the image size: one thread reads, tars and hashes; workers deflate blocks in parallel (pigz
    /// style); the caller's flow joins the blocks in order, encrypts and writes parts.
    /// </summary>
    public static class PayloadWriter
    {
        /// <summary>Size of the independently deflated blocks; a multiple of every buffer size used downstream.</summary>
        internal const int BlockSize = 1 << 20;

        public static async Task<PayloadResult> WriteAsync(string imagePath, PayloadWriteOptions options, IPartSink sink,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (imagePath == null) throw new ArgumentNullException(nameof(imagePath));
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (sink == null) throw new ArgumentNullException(nameof(sink));
            Validate(options);
            ct.ThrowIfCancellationRequested();

            using (FileStream image = ImageInputCheck.OpenImage(imagePath))
            {
                try
                {
                    // A raw file is read with its holes skipped; any other format as the raw disk it describes, whose
                    // unallocated blocks are produced as zeros without reading the file.
                    using DiskImage disk = DiskImage.Open(image, imagePath);
                    Stream source = disk.IsRaw ? HoleSkippingStream.Wrap(image) : disk.OpenRawStream();
                    var run = new WriteRun(source, imagePath, options, sink, progress);
                    PayloadResult result = await run.ExecuteAsync(ct).ConfigureAwait(false);
                    await sink.FinishAsync(ct).ConfigureAwait(false);
                    return result;
                }
                catch
                {
                    await sink.AbortAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }

        private static void Validate(PayloadWriteOptions options)
        {
            if (options.PartSize < PayloadWriteOptions.MinimumPartSize)
            {
                throw new EucaException(ErrorIds.PartSizeInvalid, EucaErrorCategory.InvalidArgument,
                    $"The part size must be at least {PayloadWriteOptions.MinimumPartSize} bytes.", options.PartSize);
            }
            if (options.Key.Length != 16 || options.Iv.Length != 16)
            {
                throw new ArgumentException("The AES-128 key and IV must be 16 bytes each.", nameof(options));
            }
            if (string.IsNullOrEmpty(options.MemberName) || string.IsNullOrEmpty(options.PartNamePrefix))
            {
                throw new ArgumentException("The member name and part name prefix must not be empty.", nameof(options));
            }
        }

        private sealed class WriteRun
        {
            private readonly Stream image;
            private readonly string imagePath;
            private readonly PayloadWriteOptions options;
            private readonly IPartSink sink;
            private readonly ProgressThrottle progress;
            private readonly long imageSize;
            private readonly bool parallel;
            private readonly int workers;
            private readonly BoundedQueue<BlockJob> ordered;
            private readonly BoundedQueue<BlockJob> work;
            private string? imageDigest;

            public WriteRun(Stream image, string imagePath, PayloadWriteOptions options, IPartSink sink, IProgress<OperationProgress>? progress)
            {
                this.image = image;
                this.imagePath = imagePath;
                this.options = options;
                this.sink = sink;
                imageSize = image.Length;
                this.progress = new ProgressThrottle(progress, "Bundling " + Path.GetFileName(imagePath), imageSize);
                parallel = DeflateBlockCompressor.SupportsIndependentBlocks;
                workers = Math.Max(1, options.MaxDegreeOfParallelism);
                // Blocks in flight: enough to keep every worker busy while the joiner drains finished ones.
                ordered = new BoundedQueue<BlockJob>(2 * workers + 2);
                work = new BoundedQueue<BlockJob>(2 * workers + 2);
            }

            public async Task<PayloadResult> ExecuteAsync(CancellationToken ct)
            {
                using (var stages = new PipelineStages(ct))
                {
                    stages.StartThread(ReadTarStage);
                    if (parallel)
                    {
                        for (int i = 0; i < workers; i++)
                        {
                            stages.StartThread(CompressStage);
                        }
                    }
                    return await stages.RunAsync(JoinEncryptAndSplitAsync).ConfigureAwait(false);
                }
            }

            /// <summary>Reads the image as a tar stream in blocks, hashing it; all-zero blocks skip the compressors.</summary>
            private void ReadTarStage(CancellationToken ct)
            {
                var tar = new SingleMemberTarSource(image, imagePath, options.MemberName, imageSize);
                CompressedBlock? zeroBlock = parallel && options.ReuseZeroBlocks ? CompressZeroBlock() : null;
                using (var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
                {
                    while (true)
                    {
                        ct.ThrowIfCancellationRequested();
                        byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
                        int n = ReadImage(tar, buffer);
                        if (n == 0)
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            break;
                        }
                        sha1.AppendData(buffer, 0, n);
                        progress.Report(tar.ImageBytesRead);
                        var job = new BlockJob(buffer, n);
                        if (zeroBlock != null && n == BlockSize && ZeroBlock.IsAllZero(buffer, 0, n))
                        {
                            // Zeros compress to the same bytes every time: reuse them (and their CRC).
                            ArrayPool<byte>.Shared.Return(buffer);
                            job.Result = zeroBlock;
                            job.Done.SetResult(true);
                            ordered.Add(job, ct);
                        }
                        else
                        {
                            ordered.Add(job, ct);
                            if (parallel)
                            {
                                work.Add(job, ct);
                            }
                        }
                    }
                    imageDigest = HexEncoding.ToLowerHex(sha1.GetHashAndReset());
                    progress.Report(tar.ImageBytesRead, force: true);
                }
                ordered.Complete();
                work.Complete();
            }

            /// <summary>The shared result for all-zero blocks: a private copy, so releasing a job never pools it.</summary>
            private CompressedBlock CompressZeroBlock()
            {
                CompressedBlock pooled = DeflateBlockCompressor.Compress(new byte[BlockSize], BlockSize, options.CompressionLevel);
                var data = new byte[pooled.Length];
                Buffer.BlockCopy(pooled.Data, 0, data, 0, pooled.Length);
                pooled.Release();
                return new CompressedBlock(data, data.Length, pooled.Crc32, BlockSize, pooled: false);
            }

            private int ReadImage(SingleMemberTarSource tar, byte[] buffer)
            {
                try
                {
                    return tar.Read(buffer, 0, BlockSize);
                }
                catch (IOException e)
                {
                    throw new EucaException(ErrorIds.ImageUnreadable, EucaErrorCategory.ResourceUnavailable, $"Reading the image file '{imagePath}' failed: {e.Message}", imagePath, e);
                }
            }

            private void CompressStage(CancellationToken ct)
            {
                while (true)
                {
                    BlockJob? job = work.Take(ct);
                    if (job == null)
                    {
                        work.Complete(); // pass the end on to the next worker
                        return;
                    }
                    try
                    {
                        job.Result = DeflateBlockCompressor.Compress(job.Input, job.InputLength, options.CompressionLevel);
                        job.Done.SetResult(true);
                    }
                    catch (Exception e)
                    {
                        job.Done.TrySetException(e);
                        throw;
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(job.Input);
                    }
                }
            }

            /// <summary>Joins compressed blocks in order into one gzip member, encrypts it and cuts it into parts.</summary>
            private async Task<PayloadResult> JoinEncryptAndSplitAsync(CancellationToken ct)
            {
                using (var encryptor = new CbcEncryptor(options.Key, options.Iv))
                using (var splitter = new PartSplitter(sink, options.PartNamePrefix, options.PartSize))
                {
                    byte[] cipher = ArrayPool<byte>.Shared.Rent(BlockSize + BlockSize / 2);
                    try
                    {
                        async Task EncryptAndWrite(byte[] data, int count)
                        {
                            if (cipher.Length < count + 16)
                            {
                                ArrayPool<byte>.Shared.Return(cipher);
                                cipher = ArrayPool<byte>.Shared.Rent(count + 16);
                            }
                            int n = encryptor.Transform(data, 0, count, cipher);
                            await splitter.WriteAsync(cipher, 0, n, ct).ConfigureAwait(false);
                        }

                        await EncryptAndWrite(GzipFraming.Header, GzipFraming.Header.Length).ConfigureAwait(false);
                        uint crc;
                        long uncompressed;
                        if (parallel)
                        {
                            (crc, uncompressed) = await JoinParallelBlocksAsync(EncryptAndWrite, ct).ConfigureAwait(false);
                        }
                        else
                        {
                            (crc, uncompressed) = await DeflateSeriallyAsync(EncryptAndWrite, ct).ConfigureAwait(false);
                        }
                        byte[] trailer = GzipFraming.Trailer(crc, uncompressed);
                        await EncryptAndWrite(trailer, trailer.Length).ConfigureAwait(false);
                        byte[] last = encryptor.Final();
                        await splitter.WriteAsync(last, 0, last.Length, ct).ConfigureAwait(false);
                        IReadOnlyList<PayloadPart> parts = await splitter.FinishAsync(ct).ConfigureAwait(false);
                        return new PayloadResult(imageDigest!, imageSize, splitter.TotalLength, parts);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(cipher);
                    }
                }
            }

            private async Task<(uint Crc, long Length)> JoinParallelBlocksAsync(Func<byte[], int, Task> write, CancellationToken ct)
            {
                uint crc = 0;
                long length = 0;
                while (true)
                {
                    BlockJob? job = await ordered.TakeAsync(ct).ConfigureAwait(false);
                    if (job == null)
                    {
                        break;
                    }
                    await PipelineStages.WaitAsync(job.Done.Task, ct).ConfigureAwait(false);
                    CompressedBlock block = job.Result!;
                    crc = Crc32Combine.Combine(crc, block.Crc32, block.UncompressedLength);
                    length += block.UncompressedLength;
                    await write(block.Data, block.Length).ConfigureAwait(false);
                    block.Release();
                }
                await write(GzipFraming.FinalEmptyBlock, GzipFraming.FinalEmptyBlock.Length).ConfigureAwait(false);
                return (crc, length);
            }

            /// <summary>
            /// Fallback for runtimes whose DeflateStream cannot sync-flush (.NET Framework): one deflate stream over
            /// the whole tar stream, still overlapped with reading and encryption.
            /// </summary>
            private async Task<(uint Crc, long Length)> DeflateSeriallyAsync(Func<byte[], int, Task> write, CancellationToken ct)
            {
                var crc = new Crc32();
                long length = 0;
                var output = new PooledBufferStream(BlockSize);
                try
                {
                    using (var deflate = new DeflateStream(output, options.CompressionLevel, leaveOpen: true))
                    {
                        while (true)
                        {
                            BlockJob? job = await ordered.TakeAsync(ct).ConfigureAwait(false);
                            if (job == null)
                            {
                                break;
                            }
                            crc.Append(new ReadOnlySpan<byte>(job.Input, 0, job.InputLength));
                            length += job.InputLength;
                            deflate.Write(job.Input, 0, job.InputLength);
                            ArrayPool<byte>.Shared.Return(job.Input);
                            await write(output.Buffer, output.WrittenLength).ConfigureAwait(false);
                            output.Reset();
                        }
                    }
                    await write(output.Buffer, output.WrittenLength).ConfigureAwait(false);
                    return (crc.GetCurrentHashAsUInt32(), length);
                }
                finally
                {
                    output.ReturnBuffer();
                }
            }
        }
    }
}
