using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Copies a stored bundle bucket to bucket: the manifest is read, verified and converted for the destination
    /// cloud first (so a wrong key fails before any byte moves), then the parts go across in parallel, each read into
    /// one of at most ThrottleLimit part buffers (nothing is written to local disk), its SHA-1 checked against the
    /// manifest before it is sent on, and its upload checked by MD5 ETag. The converted manifest is stored last, so
    /// the destination never has a manifest pointing at missing parts. Each byte is moved once and never decrypted.
    /// </summary>
    public static class StoredBundleCopier
    {
        /// <summary>
        /// euca2ools and ec2-ami-tools write 10 MiB parts; a part far larger is not a bundle this copy should hold in
        /// memory (ThrottleLimit of them at once).
        /// </summary>
        public const long MaxPartBytes = 256L * 1024 * 1024;

        public static async Task<BundleUpload> CopyAsync(CloudConnection source, CloudConnection destination, StoredBundleCopyRequest request,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (request == null) throw new ArgumentNullException(nameof(request));
            var from = ObjectStore.For(source, request.Target.Retry);
            StoredManifest stored = await StoredManifest.ReadAsync(from, request.SourceLocation, ct).ConfigureAwait(false);
            ConvertedManifest converted = ManifestConverter.Convert(stored.Document, request.Conversion, request.SourceLocation.ToString());

            ManifestLocation location = request.DestinationLocation;
            BundleTransferJournal journal = request.Target.Journal;
            journal.ManifestLocation = location.ToString();
            ObjectStore to = request.Target.StoreFor(destination);
            await BundleUploader.PrepareAsync(to, location, request.Target, ct).ConfigureAwait(false);

            BundleManifest manifest = stored.Manifest;
            var transfer = new TransferProgress(progress, $"Copying {request.SourceLocation} to {location.Bucket}/{location.KeyPrefix}", manifest.BundledSize, manifest.Parts.Count);
            var sender = new PartSender(to, location, request.Target.Acl, transfer, journal);
            var buffers = new ConcurrentBag<byte[]>();
            await Throttled.ForEachAsync(manifest.Parts.OrderBy(p => p.Index), request.Target.ThrottleLimit, async (part, token) =>
            {
                byte[] buffer = buffers.TryTake(out byte[]? idle) ? idle : Array.Empty<byte>();
                try
                {
                    (byte[] filled, int length, string md5) = await ReadVerifiedAsync(from, request.SourceLocation, part, buffer, token).ConfigureAwait(false);
                    buffer = filled;
                    await sender.SendAsync(LocalPart.FromBuffer(part.Index, part.FileName, filled, length, md5), request.Resume, token).ConfigureAwait(false);
                }
                finally
                {
                    buffers.Add(buffer);
                }
            }, ct).ConfigureAwait(false);

            string advice = BundleTransferJournal.Advice(null, location.ToString());
            long manifestBytes = await StoredManifestWriter.PutAsync(to, location, converted.Content, request.Target.Acl, advice, ct).ConfigureAwait(false);
            journal.ManifestStored = true;
            return new BundleUpload(location, converted.Manifest, sender.Sent, sender.Skipped, sender.BytesSent + manifestBytes);
        }

        /// <summary>
        /// Reads a source part into <paramref name="buffer"/> (a larger one when it does not fit) and checks it: a short
        /// body or a wrong MD5 ETag is a transfer fault and is read again; a SHA-1 other than the manifest's stops the copy.
        /// </summary>
        private static Task<(byte[] Buffer, int Length, string Md5)> ReadVerifiedAsync(ObjectStore store, ManifestLocation location, BundlePart part,
            byte[] buffer, CancellationToken ct)
        {
            string key = location.KeyFor(part.FileName);
            return new StorageCall($"Reading part {part.FileName}", location.Bucket, key, ErrorIds.StoragePartDownloadFailed).RunAsync(token =>
                store.GetAsync(location.Bucket, key, async (body, info, bodyToken) =>
                {
                    byte[] target = EnsureCapacity(buffer, info.Size, location, key);
                    int length = 0;
                    int n;
                    while (length < target.Length && (n = await body.ReadAsync(target, length, target.Length - length, bodyToken).ConfigureAwait(false)) > 0)
                    {
                        length += n;
                    }

                    if (length != info.Size || await body.ReadAsync(new byte[1], 0, 1, bodyToken).ConfigureAwait(false) > 0)
                    {
                        throw new TransferCorruptedException($"received {length} bytes of a {info.Size}-byte part");
                    }

                    string md5 = Hash(HashAlgorithmName.MD5, target, length);
                    if (info.ETag.Length == 32 && info.ETag.All(Uri.IsHexDigit) && !string.Equals(info.ETag, md5, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new TransferCorruptedException($"the bytes received have MD5 {md5}, but the ETag is {info.ETag}");
                    }

                    string sha1 = Hash(HashAlgorithmName.SHA1, target, length);
                    if (!string.Equals(sha1, part.Digest, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new EucaException(ErrorIds.ImageCopyPartCorrupt, EucaErrorCategory.InvalidData,
                            $"The part {part.FileName} stored at '{location.Bucket}/{key}' has SHA-1 {sha1}, but the manifest '{location}' says {part.Digest}: the source bundle is corrupt or was replaced. Nothing was registered and no manifest was stored at the destination.",
                            location.Bucket + "/" + key);
                    }

                    return (target, length, md5);
                }, token), ct);
        }

        /// <summary>Removes a manifest this copy stored (its registration failed): the parts stay for a resumed copy.</summary>
        public static Task RemoveManifestAsync(CloudConnection destination, ManifestLocation location, CancellationToken ct)
        {
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (location == null) throw new ArgumentNullException(nameof(location));
            var store = ObjectStore.For(destination, null);
            return new StorageCall("Removing the copied manifest", location.Bucket, location.Key, ErrorIds.StorageManifestUploadFailed)
                .RunAsync(token => store.DeleteAsync(location.Bucket, location.Key, token), ct);
        }

        private static byte[] EnsureCapacity(byte[] buffer, long size, ManifestLocation location, string key)
        {
            if (size < 0 || size > MaxPartBytes)
            {
                throw new EucaException(ErrorIds.ImageCopyPartTooLarge, EucaErrorCategory.InvalidData,
                    $"The part '{location.Bucket}/{key}' is {size} bytes long; bundle parts are 10 MiB and this copy holds at most {MaxPartBytes} bytes per part in memory. Download the bundle with Save-EucaBundle and upload it with Send-EucaBundle instead.",
                    location.Bucket + "/" + key);
            }

            // Exactly the part's size, so a body longer than announced is noticed rather than silently accepted.
            return buffer.Length == size ? buffer : new byte[size];
        }

        private static string Hash(HashAlgorithmName algorithm, byte[] buffer, int length)
        {
            using (var hash = IncrementalHash.CreateHash(algorithm))
            {
                hash.AppendData(buffer, 0, length);
                return HexEncoding.ToLowerHex(hash.GetHashAndReset());
            }
        }
    }
}
