using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Downloads a stored bundle (euca-download-bundle): the manifest first, then the parts it names, in parallel,
    /// each checked against the manifest's SHA-1 (and the ETag's MD5 when it is one) before it is put in place under
    /// its real name; the manifest is written last, so a manifest on disk always describes complete parts.
    /// </summary>
    public static class BundleDownloader
    {
        public static async Task<BundleInfo> SaveAsync(CloudConnection connection, BundleSaveRequest request,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            ManifestLocation location = request.Location;
            var store = ObjectStore.For(connection, request.Retry);
            StoredManifest manifest = await StoredManifest.ReadAsync(store, location, ct).ConfigureAwait(false);
            ManifestTrust.Verify(manifest.Document, request.Signer, location.ToString());
            bool existed = Directory.Exists(request.Destination);
            string directory = DestinationDirectory.Create(request.Destination);

            var transfer = new TransferProgress(progress, $"Downloading {location}", manifest.Manifest.BundledSize, manifest.Manifest.Parts.Count);
            var saved = new BundlePartInfo?[manifest.Manifest.Parts.Count];
            List<BundlePart> parts = manifest.Manifest.Parts.OrderBy(p => p.Index).ToList();
            try
            {
                await Throttled.ForEachAsync(Enumerable.Range(0, parts.Count), request.ThrottleLimit, async (i, token) =>
                {
                    saved[i] = (request.Resume ? await KeptPartAsync(parts[i], directory, token).ConfigureAwait(false) : null)
                        ?? await SavePartAsync(store, location, parts[i], directory, transfer, token).ConfigureAwait(false);
                }, ct).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                throw Incomplete(e, request, directory, existed, saved.Where(part => part != null).Select(part => part!).ToList(), parts.Count);
            }

            string manifestPath = Path.Combine(directory, location.ManifestName);
            AtomicFile.Write(manifestPath, manifest.Raw);
            bool signed = !string.Equals(manifest.Manifest.Signature, BundleManifest.UnsignedSignature, StringComparison.Ordinal);
            return new BundleInfo(manifestPath, directory, manifest.Manifest, saved.Select(part => part!).ToList(), signed);
        }

        /// <summary>With -Resume, a part already in the folder with the manifest's SHA-1 is kept instead of downloaded again.</summary>
        private static async Task<BundlePartInfo?> KeptPartAsync(BundlePart part, string directory, CancellationToken ct)
        {
            string path = Path.Combine(directory, part.FileName);
            if (!File.Exists(path))
            {
                return null;
            }

            using (var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
            using (var file = RegularFile.OpenRead(path, 1, FileOptions.Asynchronous))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await file.ReadAsync(buffer, 0, buffer.Length, ct).ConfigureAwait(false)) > 0)
                {
                    sha1.AppendData(buffer, 0, n);
                }

                bool verified = string.Equals(HexEncoding.ToLowerHex(sha1.GetHashAndReset()), part.Digest, StringComparison.OrdinalIgnoreCase);
                return verified ? new BundlePartInfo(part.Index, part.FileName, path, file.Length, part.Digest) : null;
            }
        }

        /// <summary>
        /// A failed download leaves nothing behind, unless -Resume asked to keep the verified parts; then the error says
        /// what is kept and the command that finishes the download.
        /// </summary>
        private static Exception Incomplete(Exception failure, BundleSaveRequest request, string directory, bool existed,
            IReadOnlyList<BundlePartInfo> kept, int total)
        {
            if (!request.Resume)
            {
                foreach (BundlePartInfo part in kept)
                {
                    File.Delete(part.Path);
                }

                if (!existed && !Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }

                return failure;
            }

            if (!(failure is EucaException error))
            {
                return failure;
            }

            return new EucaException(error,
                $"{error.Message} {kept.Count} of {total} verified parts are kept in '{directory}'; " +
                $"run Save-EucaBundle -ManifestLocation '{request.Location}' -Destination '{directory}' -Resume to finish.");
        }

        private static async Task<BundlePartInfo> SavePartAsync(ObjectStore store, ManifestLocation location, BundlePart part, string directory,
            TransferProgress transfer, CancellationToken ct)
        {
            string key = location.KeyFor(part.FileName);
            string finalPath = Path.Combine(directory, part.FileName);
            string temporary = Path.Combine(directory, "." + part.FileName + ".partial");
            long counted = 0;
            try
            {
                return await new StorageCall($"Downloading part {part.FileName}", location.Bucket, key, ErrorIds.StoragePartDownloadFailed, "Run Save-EucaBundle again to retry.")
                    .RunAsync(async token =>
                    {
                        long size = await GetPartAsync(store, location, part, key, token, async (body, info, bodyToken) =>
                        {
                            transfer.PartAdvanced(part.Index, part.FileName, 0, info.Size, -counted);
                            counted = 0;
                            using (var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
                            using (var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5))
                            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                            {
                                var buffer = new byte[1 << 16];
                                long length = 0;
                                int n;
                                while ((n = await body.ReadAsync(buffer, 0, buffer.Length, bodyToken).ConfigureAwait(false)) > 0)
                                {
                                    sha1.AppendData(buffer, 0, n);
                                    md5.AppendData(buffer, 0, n);
                                    await file.WriteAsync(buffer, 0, n, bodyToken).ConfigureAwait(false);
                                    length += n;
                                    counted += n;
                                    transfer.PartAdvanced(part.Index, part.FileName, length, info.Size, n);
                                }

                                Check(part, info, length, HexEncoding.ToLowerHex(md5.GetHashAndReset()), HexEncoding.ToLowerHex(sha1.GetHashAndReset()), location);
                                return length;
                            }
                        }).ConfigureAwait(false);

                        if (File.Exists(finalPath))
                        {
                            File.Delete(finalPath);
                        }

                        File.Move(temporary, finalPath);
                        transfer.PartFinished(part.Index, part.FileName, 0);
                        return new BundlePartInfo(part.Index, part.FileName, finalPath, size, part.Digest);
                    }, ct).ConfigureAwait(false);
            }
            catch
            {
                File.Delete(temporary);
                transfer.PartFinished(part.Index, part.FileName, -counted);
                throw;
            }
        }

        /// <summary>GETs a part into <paramref name="consume"/>; a part the manifest names but storage lacks is an incomplete upload.</summary>
        private static async Task<long> GetPartAsync(ObjectStore store, ManifestLocation location, BundlePart part, string key, CancellationToken ct,
            Func<Stream, StoredObject, CancellationToken, Task<long>> consume)
        {
            try
            {
                return await store.GetAsync(location.Bucket, key, consume, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (StorageErrors.IsNotFound(e))
            {
                throw new EucaException(ErrorIds.BundlePartMissing, EucaErrorCategory.ObjectNotFound,
                    $"The manifest '{location}' lists part {part.FileName}, but '{location.Bucket}/{key}' does not exist (HTTP 404). The upload may be incomplete: upload the bundle again.",
                    location.Bucket + "/" + key, e);
            }
        }

        /// <summary>
        /// A length or MD5 different from what the server announced is a transfer fault (retried); a part that
        /// arrived intact but does not match the manifest's SHA-1 is stored wrong, which no retry fixes.
        /// </summary>
        private static void Check(BundlePart part, StoredObject info, long length, string md5, string sha1, ManifestLocation location)
        {
            if (info.Size >= 0 && length != info.Size)
            {
                throw new TransferCorruptedException($"received {length} of {info.Size} bytes");
            }

            bool eTagIsMd5 = info.ETag.Length == 32 && info.ETag.All(Uri.IsHexDigit);
            if (eTagIsMd5 && !string.Equals(info.ETag, md5, StringComparison.OrdinalIgnoreCase))
            {
                throw new TransferCorruptedException($"the bytes received have MD5 {md5}, but the ETag is {info.ETag}");
            }

            if (!string.Equals(sha1, part.Digest, StringComparison.OrdinalIgnoreCase))
            {
                if (!eTagIsMd5)
                {
                    throw new TransferCorruptedException($"the bytes received have SHA-1 {sha1}, but the manifest says {part.Digest}");
                }

                throw new EucaException(ErrorIds.StoragePartCorrupt, EucaErrorCategory.InvalidData,
                    $"The part {part.FileName} stored at '{location.Bucket}/{location.KeyFor(part.FileName)}' has SHA-1 {sha1}, but the manifest '{location}' says {part.Digest}: the stored bundle is corrupt or mixes two uploads. Upload it again.",
                    location.Bucket + "/" + location.KeyFor(part.FileName));
            }
        }
    }
}
