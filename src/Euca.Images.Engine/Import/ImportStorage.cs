using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// The object-storage calls of an import, each retried by the same <see cref="RetryPolicy"/> as bundle uploads.
    /// The plain calls are the bundle uploads' <see cref="ObjectStore"/>; what differs is the translation of failures
    /// (cloud errors, as the import's other calls report them) and the PUT, which must return the MD5 as its ETag.
    /// Plain PUTs without aws-chunked framing, because the Eucalyptus object storage gateway does not understand the
    /// SDK's default streaming trailer.
    /// </summary>
    internal sealed class ImportStorage
    {
        private readonly CloudConnection _connection;
        private readonly RetryPolicy _retry;
        private readonly ObjectStore _store;

        public ImportStorage(CloudConnection connection, ImportUploadOptions options)
        {
            _connection = connection;
            _retry = new RetryPolicy { MaxAttempts = options.MaxAttempts, BaseDelay = options.RetryDelay };
            _store = ObjectStore.For(connection, _retry);
        }

        private Uri Endpoint => _connection.Settings.ObjectStorageUrl!;

        private IAmazonS3 S3 => _connection.S3;

        /// <summary>Checks the bucket with GET ?max-keys=0 (as euca2ools) and creates it when the answer is 404.</summary>
        public Task EnsureBucketAsync(string bucket, CancellationToken cancellationToken) =>
            Translate(bucket, () => _store.EnsureBucketAsync(bucket, null, cancellationToken), cancellationToken);

        /// <summary>The manifest stored at the key, or null when there is none (404).</summary>
        public Task<ImportManifest?> TryGetManifestAsync(ImportLocation location, CancellationToken cancellationToken) =>
            Translate(location.Bucket + "/" + location.ManifestKey, async () =>
            {
                try
                {
                    return await _store.GetAsync<ImportManifest?>(location.Bucket, location.ManifestKey, async (body, _, token) =>
                    {
                        using (var buffer = new MemoryStream())
                        {
                            await body.CopyToAsync(buffer, 81920, token).ConfigureAwait(false);
                            buffer.Position = 0;
                            return ImportManifestXml.Read(buffer, location.ToString());
                        }
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (StorageErrors.IsNotFound(e))
                {
                    return null;
                }
            }, cancellationToken);

        /// <summary>The stored size of an object, or null when it does not exist.</summary>
        public Task<long?> TryGetSizeAsync(string bucket, string key, CancellationToken cancellationToken) =>
            Translate(bucket + "/" + key, async () => (await _store.HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false))?.Size, cancellationToken);

        /// <summary>PUTs bytes and checks that the returned ETag is their MD5, as euca2ools does after every PUT.</summary>
        public Task PutAsync(string bucket, string key, byte[] data, int length, CancellationToken cancellationToken) =>
            Translate(bucket + "/" + key, async () =>
            {
                string md5;
                using (var hash = MD5.Create())
                {
                    md5 = HexEncoding.ToLowerHex(hash.ComputeHash(data, 0, length));
                }

                var response = await Run(() => S3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    InputStream = new MemoryStream(data, 0, length, writable: false),
                    AutoCloseStream = true,
                    UseChunkEncoding = false,
                }, cancellationToken), cancellationToken).ConfigureAwait(false);
                string etag = (response.ETag ?? "").Trim('"');
                if (!string.Equals(etag, md5, StringComparison.OrdinalIgnoreCase))
                {
                    throw new EucaException(ErrorIds.ImportPartCorrupted, EucaErrorCategory.InvalidData,
                        $"Object storage stored {bucket}/{key} with ETag '{etag}', but the MD5 of the bytes sent is {md5}: the upload was corrupted in transit.", key);
                }

                return true;
            }, cancellationToken);

        public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken) =>
            Translate(bucket + "/" + key, () => _store.DeleteAsync(bucket, key, cancellationToken), cancellationToken);

        /// <summary>Every key under a prefix (paged).</summary>
        public async Task<List<string>> ListKeysAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
            (await Translate(bucket + "/" + prefix, () => _store.ListAsync(bucket, prefix, cancellationToken), cancellationToken).ConfigureAwait(false)).Select(o => o.Key).ToList();

        private Task<T> Run<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
            _retry.RunAsync(_ => call(), onRetry: null, cancellationToken);

        private Task Translate(string target, Func<Task> call, CancellationToken cancellationToken) =>
            Translate(target, async () =>
            {
                await call().ConfigureAwait(false);
                return true;
            }, cancellationToken);

        // Import storage failures are translated as the rest of an import's cloud failures are, about the bucket/key.
        private Task<T> Translate<T>(string target, Func<Task<T>> call, CancellationToken cancellationToken) =>
            CloudErrorTranslator.RunAsync(Endpoint, target, call, cancellationToken);
    }
}
