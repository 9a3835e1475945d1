using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
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
    /// The object-storage calls of an import over the connection's S3 client, each retried by the same
    /// <see cref="RetryPolicy"/> as bundle uploads. Plain PUTs without aws-chunked framing, because the Eucalyptus
    /// object storage gateway does not understand the SDK's default streaming trailer.
    /// </summary>
    internal sealed class ImportStorage
    {
        private readonly CloudConnection _connection;
        private readonly RetryPolicy _retry;

        public ImportStorage(CloudConnection connection, ImportUploadOptions options)
        {
            _connection = connection;
            _retry = new RetryPolicy { MaxAttempts = options.MaxAttempts, BaseDelay = options.RetryDelay };
        }

        private Uri Endpoint => _connection.Settings.ObjectStorageUrl!;

        private IAmazonS3 S3 => _connection.S3;

        /// <summary>Checks the bucket with GET ?max-keys=0 (as euca2ools) and creates it when the answer is 404.</summary>
        public async Task EnsureBucketAsync(string bucket, CancellationToken cancellationToken)
        {
            try
            {
                await Run(() => S3.ListObjectsAsync(new ListObjectsRequest { BucketName = bucket, MaxKeys = 0 }, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                await Translate(() => Run(() => S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken), cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw CloudErrorTranslator.Translate(e, Endpoint);
            }
        }

        /// <summary>The manifest stored at the key, or null when there is none (404).</summary>
        public async Task<ImportManifest?> TryGetManifestAsync(ImportLocation location, CancellationToken cancellationToken)
        {
            try
            {
                using (var response = await Run(() => S3.GetObjectAsync(location.Bucket, location.ManifestKey, cancellationToken), cancellationToken).ConfigureAwait(false))
                using (var buffer = new MemoryStream())
                {
                    await response.ResponseStream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                    buffer.Position = 0;
                    return ImportManifestXml.Read(buffer, location.ToString());
                }
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            catch (Exception e) when (!(e is EucaException) && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw CloudErrorTranslator.Translate(e, Endpoint);
            }
        }

        /// <summary>The stored size of an object, or null when it does not exist.</summary>
        public async Task<long?> TryGetSizeAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            try
            {
                var metadata = await Run(() => S3.GetObjectMetadataAsync(bucket, key, cancellationToken), cancellationToken).ConfigureAwait(false);
                return metadata.ContentLength;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw CloudErrorTranslator.Translate(e, Endpoint);
            }
        }

        /// <summary>PUTs bytes and checks that the returned ETag is their MD5, as euca2ools does after every PUT.</summary>
        public Task PutAsync(string bucket, string key, byte[] data, int length, CancellationToken cancellationToken) =>
            Translate(async () =>
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
                    throw new EucaException("ImportPartCorrupted", EucaErrorCategory.InvalidData,
                        $"Object storage stored {bucket}/{key} with ETag '{etag}', but the MD5 of the bytes sent is {md5}: the upload was corrupted in transit.", key);
                }

                return true;
            }, cancellationToken);

        public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken) =>
            Translate(() => Run(() => S3.DeleteObjectAsync(bucket, key, cancellationToken), cancellationToken), cancellationToken);

        /// <summary>Every key under a prefix (paged).</summary>
        public Task<List<string>> ListKeysAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
            Translate(async () =>
            {
                var keys = new List<string>();
                string? marker = null;
                while (true)
                {
                    var page = await Run(() => S3.ListObjectsAsync(new ListObjectsRequest { BucketName = bucket, Prefix = prefix, Marker = marker }, cancellationToken), cancellationToken).ConfigureAwait(false);
                    foreach (var item in page.S3Objects ?? new List<S3Object>())
                    {
                        keys.Add(item.Key);
                        marker = item.Key;
                    }

                    if (page.IsTruncated != true || marker == null) return keys;
                }
            }, cancellationToken);

        private Task<T> Run<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
            _retry.RunAsync(_ => call(), onRetry: null, cancellationToken);

        private async Task<T> Translate<T>(Func<Task<T>> call, CancellationToken cancellationToken)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is EucaException) && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw CloudErrorTranslator.Translate(e, Endpoint);
            }
        }
    }
}
