using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Pipeline;
using Euca.Images.Engine.Bundling.Tar;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Reads bundle parts back into the image: parts -> [part SHA-1] -> AES-128-CBC decrypt -> gunzip ->
    /// [SHA-1] -> tar (first member) -> image, checking every digest and the size on the way. Stages run
    /// concurrently: fetching and hashing parts; decrypting and inflating; hashing, untarring and writing.
    /// </summary>
    public static class PayloadReader
    {
        private const int ChunkSize = 1 << 20;
        private const int QueueDepth = 4;

        /// <summary>How much more of a part is hashed after a later stage failed (parts are 10 MiB by default).</summary>
        private const long MaxHashedAfterFailure = 32L * 1024 * 1024;

        /// <param name="output">Receives the image; null verifies only (decrypt-and-digest pass).</param>
        public static async Task<PayloadReadResult> ReadAsync(IReadOnlyList<PayloadPartSource> parts, byte[] key, byte[] iv,
            PayloadExpectation expected, Stream? output, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (parts == null) throw new ArgumentNullException(nameof(parts));
            if (key == null || key.Length != 16) throw new ArgumentException("The AES-128 key must be 16 bytes.", nameof(key));
            if (iv == null || iv.Length != 16) throw new ArgumentException("The IV must be 16 bytes.", nameof(iv));
            if (expected == null) throw new ArgumentNullException(nameof(expected));
            ct.ThrowIfCancellationRequested();

            var run = new ReadRun(parts.OrderBy(p => p.Index).ToList(), key, iv, expected, output, progress, ct);
            return await run.ExecuteAsync().ConfigureAwait(false);
        }

        private sealed class ReadRun
        {
            private readonly IReadOnlyList<PayloadPartSource> parts;
            private readonly byte[] key;
            private readonly byte[] iv;
            private readonly PayloadExpectation expected;
            private readonly Stream? output;
            private readonly ProgressThrottle progress;
            private readonly CancellationToken callerToken;
            private readonly BoundedQueue<Chunk> ciphertext = new BoundedQueue<Chunk>(QueueDepth);
            private readonly BoundedQueue<Chunk> tarStream = new BoundedQueue<Chunk>(QueueDepth);
            private readonly long maxBundledBytes;
            private long bundledSize;

            public ReadRun(IReadOnlyList<PayloadPartSource> parts, byte[] key, byte[] iv, PayloadExpectation expected,
                Stream? output, IProgress<OperationProgress>? progress, CancellationToken callerToken)
            {
                this.parts = parts;
                this.key = key;
                this.iv = iv;
                this.expected = expected;
                this.output = output;
                this.progress = new ProgressThrottle(progress, "Expanding bundle", expected.ImageSize);
                this.callerToken = callerToken;
                // Zero is what some tools write when they do not know; the part digests still bind the bytes then.
                maxBundledBytes = expected.BundledSize is long declared && declared > 0 ? declared : long.MaxValue;
            }

            public async Task<PayloadReadResult> ExecuteAsync()
            {
                using (var stages = new PipelineStages(callerToken))
                {
                    // Started first so that a corrupt part is reported rather than the decrypt or gzip error it causes.
                    stages.StartAsync(FetchPartsAsync);
                    stages.StartThread(DecryptAndInflateStage);
                    return await stages.RunAsync(ct => Task.Factory.StartNew(() => UntarStage(ct), CancellationToken.None,
                        TaskCreationOptions.LongRunning, TaskScheduler.Default)).ConfigureAwait(false);
                }
            }

            private async Task FetchPartsAsync(CancellationToken ct)
            {
                using (var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
                {
                    foreach (PayloadPartSource part in parts)
                    {
                        await FetchPartAsync(part, sha1, ct).ConfigureAwait(false);
                    }
                }
                ciphertext.Complete();
            }

            private async Task FetchPartAsync(PayloadPartSource part, IncrementalHash sha1, CancellationToken ct)
            {
                Stream stream;
                try
                {
                    stream = await part.Open(ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
                {
                    throw new EucaException(ErrorIds.BundlePartMissing, EucaErrorCategory.ObjectNotFound, $"The bundle part '{part.FileName}' does not exist.", part.FileName, e);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new EucaException(ErrorIds.BundlePartUnreadable, EucaErrorCategory.InvalidData,
                        $"The bundle part '{part.FileName}' cannot be read: {e.Message}", part.FileName, e);
                }

                long length = 0;
                long lengthWhenStopped = 0;
                bool forwarding = true;
                using (stream)
                {
                    while (true)
                    {
                        Chunk chunk = Chunk.Rent(ChunkSize);
                        // When a later stage has failed, the rest of this part is still hashed (not forwarded), up
                        // to the size of a large part: if the part is corrupt, that is the error to report.
                        int n = await stream.ReadAsync(chunk.Buffer, 0, ChunkSize, forwarding ? ct : callerToken).ConfigureAwait(false);
                        if (n == 0)
                        {
                            chunk.Return();
                            break;
                        }
                        sha1.AppendData(chunk.Buffer, 0, n);
                        length += n;
                        if (bundledSize + length > maxBundledBytes)
                        {
                            chunk.Return();
                            throw new EucaException(ErrorIds.BundlePartCorrupt, EucaErrorCategory.InvalidData,
                                $"The bundle part '{part.FileName}' takes the parts past the {maxBundledBytes} bytes the manifest's bundled_size declares; it is not the part the manifest lists.",
                                part.FileName);
                        }
                        if (!forwarding)
                        {
                            chunk.Return();
                            if (length - lengthWhenStopped > MaxHashedAfterFailure)
                            {
                                // Not a part of any real bundle (it goes on and on); the downstream error stands.
                                throw new OperationCanceledException(ct);
                            }
                            continue;
                        }
                        try
                        {
                            await ciphertext.AddAsync(new Chunk(chunk.Buffer, n), ct).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
                        {
                            chunk.Return();
                            forwarding = false;
                            lengthWhenStopped = length;
                        }
                    }
                }
                bundledSize += length;
                string actual = HexEncoding.ToLowerHex(sha1.GetHashAndReset());
                if (part.Size.HasValue && part.Size.Value != length)
                {
                    throw new EucaException(ErrorIds.BundlePartCorrupt, EucaErrorCategory.InvalidData,
                        $"The bundle part '{part.FileName}' is {length} bytes long, but {part.Size.Value} bytes were expected (truncated or wrong part).", part.FileName);
                }
                if (!string.Equals(actual, part.Sha1, StringComparison.OrdinalIgnoreCase))
                {
                    throw new EucaException(ErrorIds.BundlePartCorrupt, EucaErrorCategory.InvalidData,
                        $"The bundle part '{part.FileName}' ({length} bytes) has SHA-1 {actual}, but the manifest says {part.Sha1}: it is corrupt or truncated.", part.FileName);
                }
                if (!forwarding)
                {
                    throw new OperationCanceledException(ct);
                }
            }

            private void DecryptAndInflateStage(CancellationToken ct)
            {
                using (var aes = Aes.Create())
                {
                    aes.Mode = CipherMode.CBC;
                    aes.Padding = PaddingMode.PKCS7;
                    using (ICryptoTransform decryptor = aes.CreateDecryptor(key, iv))
                    using (var encrypted = new ChunkReadStream(ciphertext, ct))
                    using (var decrypted = new CryptoStream(encrypted, decryptor, CryptoStreamMode.Read))
                    using (var gzip = new GZipStream(new GzipMagicCheckStream(decrypted), CompressionMode.Decompress))
                    {
                        try
                        {
                            long inflated = 0;
                            while (true)
                            {
                                Chunk chunk = Chunk.Rent(ChunkSize);
                                int n = FillFrom(gzip, chunk.Buffer);
                                if (n == 0)
                                {
                                    chunk.Return();
                                    break;
                                }
                                inflated += n;
                                if (inflated > expected.MaxTarBytes)
                                {
                                    chunk.Return();
                                    throw new EucaException(ErrorIds.BundleSizeMismatch, EucaErrorCategory.InvalidData,
                                        $"The bundle inflates to more than {expected.MaxTarBytes} bytes, far more than the image of {expected.ImageSize} bytes the manifest declares; inflating was stopped.",
                                        expected.ImageSize);
                                }
                                tarStream.Add(new Chunk(chunk.Buffer, n), ct);
                            }
                            // Read the ciphertext to its end so the padding is checked and nothing trails unnoticed.
                            var rest = new byte[4096];
                            if (decrypted.Read(rest, 0, rest.Length) != 0)
                            {
                                throw new InvalidDataException("Data follows the end of the gzip stream.");
                            }
                        }
                        catch (CryptographicException e)
                        {
                            throw Decrypt(e.Message, e);
                        }
                        catch (PayloadDecryptException e)
                        {
                            throw Decrypt(e.Message, e);
                        }
                        catch (InvalidDataException e)
                        {
                            throw new EucaException(ErrorIds.BundleDecompressFailed, EucaErrorCategory.InvalidData,
                                $"The decrypted bundle is not a valid gzip stream: {e.Message}", null, e);
                        }
                    }
                }
                tarStream.Complete();
            }

            private static EucaException Decrypt(string detail, Exception inner) =>
                new EucaException(ErrorIds.BundleDecryptFailed, EucaErrorCategory.InvalidData,
                    $"The bundle cannot be decrypted (wrong key or IV, or corrupt data): {detail}", null, inner);

            private static int FillFrom(Stream stream, byte[] buffer)
            {
                int total = 0;
                while (total < ChunkSize)
                {
                    int n = stream.Read(buffer, total, ChunkSize - total);
                    if (n == 0)
                    {
                        break;
                    }
                    total += n;
                }
                return total;
            }

            private PayloadReadResult UntarStage(CancellationToken ct)
            {
                using (var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
                {
                    var tar = new ChunkReadStream(tarStream, ct, (b, o, n) => sha1.AppendData(b, o, n));
                    var sink = new ProgressImageSink(new StreamImageSink(output), progress);
                    long imageSize;
                    TarFormatException? archiveError = null;
                    try
                    {
                        imageSize = new TarImageExtractor(tar, ChunkSize, expected.ImageSize ?? long.MaxValue).Extract(sink);
                    }
                    catch (TarFormatException e)
                    {
                        imageSize = -1;
                        archiveError = e;
                    }
                    catch (IOException e)
                    {
                        // Only the sink writes to disk here (a full disk, a file too large for the file system).
                        throw new EucaException(ErrorIds.ImageWriteFailed, EucaErrorCategory.ResourceUnavailable,
                            $"The image cannot be written: {e.Message}", null, e);
                    }
                    tar.Drain();
                    string digest = HexEncoding.ToLowerHex(sha1.GetHashAndReset());
                    progress.Report(sink.Position, force: true);

                    // A wrong digest explains a broken archive, so it is checked first.
                    if (expected.ImageDigestSha1 != null && !string.Equals(digest, expected.ImageDigestSha1, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new EucaException(ErrorIds.BundleDigestMismatch, EucaErrorCategory.InvalidData,
                            $"The bundle's image digest is {digest}, but the manifest says {expected.ImageDigestSha1}.", digest);
                    }
                    if (archiveError != null)
                    {
                        // Told again as a plain EucaException: the tar reader's own type stays inside the engine.
                        throw new EucaException(archiveError, archiveError.Message);
                    }
                    if (expected.ImageSize.HasValue && expected.ImageSize.Value != imageSize)
                    {
                        throw new EucaException(ErrorIds.BundleSizeMismatch, EucaErrorCategory.InvalidData,
                            $"The bundle holds an image of {imageSize} bytes, but the manifest says {expected.ImageSize.Value}.", imageSize);
                    }
                    return new PayloadReadResult(digest, imageSize, bundledSize);
                }
            }
        }

        /// <summary>Reports the image bytes produced so far (holes included) through the throttle.</summary>
        private sealed class ProgressImageSink : IImageSink
        {
            private readonly IImageSink inner;
            private readonly ProgressThrottle progress;

            public ProgressImageSink(IImageSink inner, ProgressThrottle progress)
            {
                this.inner = inner;
                this.progress = progress;
            }

            public long Position => inner.Position;

            public void Write(byte[] buffer, int offset, int count)
            {
                inner.Write(buffer, offset, count);
                progress.Report(inner.Position);
            }

            public void SkipZeros(long count)
            {
                inner.SkipZeros(count);
                progress.Report(inner.Position);
            }

            public void Complete(long length) => inner.Complete(length);
        }
    }
}
