using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// A bundle in object storage opened for reading: its manifest read and its signature verified, the bundle key
    /// unwrapped. <see cref="ExpandIntoAsync"/> then streams the image into any stream the caller gives (an image
    /// file, a disk-format writer, an upload to another store): each part's body goes straight into the payload
    /// reader, which checks its SHA-1, the image digest and the size, so no part and no raw copy is stored. The
    /// manifest is known before a byte of the image is read, so a caller can size its output first.
    /// </summary>
    public sealed class StoredBundle
    {
        private readonly ObjectStore _store;
        private readonly UnwrappedBundleKey _key;

        private StoredBundle(ObjectStore store, ManifestLocation location, BundleManifest manifest, UnwrappedBundleKey key, bool signatureVerified)
        {
            _store = store;
            _key = key;
            Location = location;
            Manifest = manifest;
            SignatureVerified = signatureVerified;
        }

        public ManifestLocation Location { get; }

        public BundleManifest Manifest { get; }

        /// <summary>The image's size in bytes, as the manifest declares it (and as the expansion checks it).</summary>
        public long ImageSize => Manifest.Size;

        /// <summary>Which wrapped copy of the bundle key the private key opened: the user's or the cloud's.</summary>
        public BundleKeyCopy KeySource => _key.Source;

        /// <summary>False when no certificate was given, so the manifest's signature was not checked (callers warn).</summary>
        public bool SignatureVerified { get; }

        /// <summary>
        /// Reads the manifest at <paramref name="location"/>, verifies its signature with <paramref name="signer"/>
        /// (refused when it does not verify; not checked when null) and unwraps the key with <paramref name="privateKey"/>
        /// (the user's copy, else the cloud's).
        /// </summary>
        public static async Task<StoredBundle> OpenAsync(CloudConnection connection, ManifestLocation location, RSA privateKey, X509Certificate2? signer,
            RetryPolicy? retry, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (location == null) throw new ArgumentNullException(nameof(location));
            if (privateKey == null) throw new ArgumentNullException(nameof(privateKey));
            var store = ObjectStore.For(connection, retry ?? new RetryPolicy());
            StoredManifest manifest = await StoredManifest.ReadAsync(store, location, ct).ConfigureAwait(false);
            bool verified = ManifestTrust.Verify(manifest.Document, signer, location.ToString());
            UnwrappedBundleKey key = manifest.Manifest.UnwrapKey(privateKey);
            return new StoredBundle(store, location, manifest.Manifest, key, verified);
        }

        /// <summary>
        /// Streams the image, front to back, into <paramref name="output"/> (holes as zeros, unless it is a fresh
        /// seekable file, where they are skipped). On any failure the output holds a partial image: callers discard it.
        /// </summary>
        public Task<PayloadReadResult> ExpandIntoAsync(Stream output, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            List<PayloadPartSource> sources = Manifest.Parts.OrderBy(p => p.Index)
                .Select(p => new PayloadPartSource(p.Index, p.FileName, p.Digest, token => OpenPartAsync(p.FileName, token)))
                .ToList();
            return PayloadReader.ReadAsync(sources, _key.Material.GetKey(), _key.Material.GetIv(),
                new PayloadExpectation(Manifest.ImageDigest, Manifest.Size, Manifest.BundledSize), output, progress, ct);
        }

        private Task<Stream> OpenPartAsync(string fileName, CancellationToken ct)
        {
            string key = Location.KeyFor(fileName);
            return new StorageCall($"Downloading part {fileName}", Location.Bucket, key, ErrorIds.StoragePartDownloadFailed, "Run the command again to retry.")
                .RunAsync(async token =>
                {
                    try
                    {
                        return await _store.OpenReadAsync(Location.Bucket, key, token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (StorageErrors.IsNotFound(e))
                    {
                        throw new EucaException(ErrorIds.BundlePartMissing, EucaErrorCategory.ObjectNotFound,
                            $"The manifest '{Location}' lists part {fileName}, but '{Location.Bucket}/{key}' does not exist (HTTP 404).", Location.Bucket + "/" + key, e);
                    }
                }, ct);
        }
    }
}
