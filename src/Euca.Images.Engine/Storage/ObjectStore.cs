using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// The object-storage calls bundles need, each under the <see cref="RetryPolicy"/>. Only plain single-request
    /// operations: Eucalyptus' object storage gateway and s3rver both serve them, and per-object DELETE avoids
    /// DeleteObjects, whose mandatory checksum header Eucalyptus may not accept. Failures propagate as SDK or
    /// transport exceptions; storage callers make each call through a <see cref="StorageCall"/>, which translates
    /// them with the bucket, key and advice the caller knows.
    /// </summary>
    internal sealed class ObjectStore
    {
        private static readonly Regex Md5Hex = new Regex("^[0-9a-f]{32}$", RegexOptions.IgnoreCase);
        private readonly IAmazonS3 _s3;
        private readonly bool _unsignedPayload;
        private readonly TimeSpan _stallTimeout;

        /// <param name="unsignedPayload">
        /// Sign PUTs with UNSIGNED-PAYLOAD (the SDK allows it over HTTPS only): TLS and the ETag check already protect
        /// the bytes, and it saves hashing every part with SHA-256 for the signature.
        /// </param>
        /// <param name="stallTimeout">The stall timer of every request (see <see cref="StallWatch"/>).</param>
        public ObjectStore(IAmazonS3 s3, RetryPolicy retry, bool unsignedPayload = false, TimeSpan? stallTimeout = null)
        {
            _s3 = s3;
            Retry = retry;
            _unsignedPayload = unsignedPayload;
            _stallTimeout = stallTimeout ?? CloudConnectionOptions.DefaultStallTimeout;
        }

        public static ObjectStore For(CloudConnection connection, RetryPolicy? retry) =>
            new ObjectStore(connection.S3, retry ?? new RetryPolicy(),
                unsignedPayload: connection.Settings.ObjectStorageUrl?.Scheme == Uri.UriSchemeHttps, connection.Options.StallTimeout);

        public RetryPolicy Retry { get; }

        /// <summary>Called for each failed attempt that is retried (tests and verbose output count them).</summary>
        public Action<Exception, int>? OnRetry { get; set; }

        /// <summary>
        /// euca2ools' bucket check: GET with max-keys=0 (not HEAD, which hides redirects and error codes); on 404 the
        /// bucket is created, with the location constraint when one is given. Returns true when it was created.
        /// </summary>
        public async Task<bool> EnsureBucketAsync(string bucket, string? location, CancellationToken ct)
        {
            try
            {
                await RunAsync(watch => _s3.ListObjectsAsync(new ListObjectsRequest { BucketName = bucket, MaxKeys = 0 }, watch.Token), ct).ConfigureAwait(false);
                return false;
            }
            catch (AmazonServiceException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                var request = new PutBucketRequest { BucketName = bucket };
                if (!string.IsNullOrEmpty(location))
                {
                    request.BucketRegionName = location;
                }

                try
                {
                    await RunAsync(watch => _s3.PutBucketAsync(request, watch.Token), ct).ConfigureAwait(false);
                    return true;
                }
                catch (AmazonServiceException conflict) when (conflict.StatusCode == HttpStatusCode.Conflict)
                {
                    // Another upload (a parallel install into the same bucket) created it between the check and the
                    // PUT: S3 answers BucketAlreadyOwnedByYou, s3rver and some gateways BucketAlreadyExists. The bucket
                    // is usable if listing it now works; if it belongs to someone else, that listing fails instead.
                    await RunAsync(watch => _s3.ListObjectsAsync(new ListObjectsRequest { BucketName = bucket, MaxKeys = 0 }, watch.Token), ct).ConfigureAwait(false);
                    return false;
                }
            }
        }

        /// <summary>
        /// Stores a body with a single PUT and checks that the ETag the server returns is the MD5 of the bytes sent
        /// (when the ETag is an MD5 at all). A mismatch is retried like a transfer fault; each attempt opens the body
        /// again. Returns the number of bytes stored.
        /// </summary>
        public Task<long> PutAsync(string bucket, string key, Func<Stream> openBody, string md5Hex, string acl, Action<long>? sent, CancellationToken ct) =>
            RunAsync(async watch =>
            {
                using (Stream body = openBody())
                {
                    var request = new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        InputStream = watch.Watch(body),
                        AutoCloseStream = false,
                        // Eucalyptus' gateway rejects aws-chunked bodies and the SDK's default CRC trailers.
                        UseChunkEncoding = false,
                        CannedACL = new S3CannedACL(acl),
                        ContentType = "application/octet-stream",
                        DisablePayloadSigning = _unsignedPayload,
                    };
                    if (sent != null)
                    {
                        request.StreamTransferProgress = (_, args) => sent(args.TransferredBytes);
                    }

                    PutObjectResponse response = await _s3.PutObjectAsync(request, watch.Token).ConfigureAwait(false);
                    string eTag = UnquoteETag(response.ETag);
                    if (Md5Hex.IsMatch(eTag) && !string.Equals(eTag, md5Hex, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new TransferCorruptedException($"the server stored ETag {eTag}, but the MD5 of the {body.Length} bytes sent is {md5Hex}: the upload was corrupted in transit.");
                    }

                    return body.Length;
                }
            }, ct);

        public Task<long> PutFileAsync(string bucket, string key, string path, string md5Hex, string acl, Action<long>? sent, CancellationToken ct) =>
            PutAsync(bucket, key, () => OpenFileBody(path), md5Hex, acl, sent, ct);

        /// <summary>A file opened for sending as a request body.</summary>
        public static Stream OpenFileBody(string path) =>
            RegularFile.OpenRead(path, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

        /// <summary>The object's size and ETag, or null when it does not exist.</summary>
        public async Task<StoredObject?> HeadAsync(string bucket, string key, CancellationToken ct)
        {
            try
            {
                GetObjectMetadataResponse response = await RunAsync(
                    watch => _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, watch.Token), ct).ConfigureAwait(false);
                return new StoredObject(key, response.ContentLength, response.ETag);
            }
            catch (AmazonServiceException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        /// <summary>
        /// GETs an object and hands its body to <paramref name="consume"/>; the whole GET and read is one attempt, so
        /// a connection dropped mid-body is retried from the start.
        /// </summary>
        public Task<T> GetAsync<T>(string bucket, string key, Func<Stream, StoredObject, CancellationToken, Task<T>> consume, CancellationToken ct) =>
            RunAsync(async watch =>
            {
                using (GetObjectResponse response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, watch.Token).ConfigureAwait(false))
                {
                    watch.Touch();
                    return await consume(watch.Watch(response.ResponseStream), new StoredObject(key, response.ContentLength, response.ETag), watch.Token).ConfigureAwait(false);
                }
            }, ct);

        /// <summary>
        /// Reads <paramref name="length"/> bytes of an object from <paramref name="start"/> into the buffer with one
        /// ranged GET; a body that ends early or a dropped connection is retried for the whole range.
        /// </summary>
        public Task ReadRangeAsync(string bucket, string key, long start, byte[] buffer, int length, CancellationToken ct) =>
            RunAsync(async watch =>
            {
                var request = new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(start, start + length - 1) };
                using (GetObjectResponse response = await _s3.GetObjectAsync(request, watch.Token).ConfigureAwait(false))
                {
                    watch.Touch();
                    Stream body = watch.Watch(response.ResponseStream);
                    int read = 0;
                    while (read < length)
                    {
                        int n = await body.ReadAsync(buffer, read, length - read, watch.Token).ConfigureAwait(false);
                        if (n == 0)
                        {
                            throw new TransferCorruptedException($"the range from byte {start} ended after {read} of {length} bytes.");
                        }

                        read += n;
                    }

                    return read;
                }
            }, ct);

        /// <summary>Starts a multipart upload and returns its upload id.</summary>
        public async Task<string> StartMultipartAsync(string bucket, string key, CancellationToken ct) =>
            (await RunAsync(watch => _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                ContentType = "application/octet-stream",
            }, watch.Token), ct).ConfigureAwait(false)).UploadId;

        /// <summary>Sends one part of a multipart upload from memory (retried as a whole) and returns its ETag.</summary>
        public Task<PartETag> UploadPartAsync(string bucket, string key, string uploadId, int partNumber, byte[] data, int length, CancellationToken ct) =>
            RunAsync(async watch =>
            {
                UploadPartResponse response = await _s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = uploadId,
                    PartNumber = partNumber,
                    InputStream = watch.Watch(new MemoryStream(data, 0, length, writable: false)),
                    PartSize = length,
                    UseChunkEncoding = false,
                    DisablePayloadSigning = _unsignedPayload,
                }, watch.Token).ConfigureAwait(false);
                return new PartETag(partNumber, response.ETag);
            }, ct);

        public Task CompleteMultipartAsync(string bucket, string key, string uploadId, IEnumerable<PartETag> parts, CancellationToken ct) =>
            RunAsync(watch => _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = parts.OrderBy(p => p.PartNumber).ToList(),
            }, watch.Token), ct);

        public Task AbortMultipartAsync(string bucket, string key, string uploadId, CancellationToken ct) =>
            RunAsync(watch => _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, watch.Token), ct);

        /// <summary>Opens an object's body for streaming; only opening is retried (the reader cannot rewind what it consumed).</summary>
        /// <remarks>The stream keeps its stall timer for as long as it is read.</remarks>
        public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken ct) =>
            Retry.RunAsync<Stream>(async token =>
            {
                var watch = new StallWatch(_stallTimeout, token);
                try
                {
                    GetObjectResponse response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, watch.Token).ConfigureAwait(false);
                    watch.Touch();
                    return new ResponseBodyStream(response, watch);
                }
                catch (Exception e)
                {
                    watch.Dispose();
                    throw watch.Explain(e);
                }
            }, OnRetry, ct);

        public Task DeleteAsync(string bucket, string key, CancellationToken ct) =>
            RunAsync(watch => _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, watch.Token), ct);

        public Task DeleteBucketAsync(string bucket, CancellationToken ct) =>
            RunAsync(watch => _s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucket }, watch.Token), ct);

        /// <summary>
        /// Every object whose key starts with <paramref name="prefix"/>. ListObjects version 1 with markers, because
        /// Eucalyptus' gateway predates ListObjectsV2.
        /// </summary>
        public async Task<IReadOnlyList<StoredObject>> ListAsync(string bucket, string prefix, CancellationToken ct)
        {
            var found = new List<StoredObject>();
            string? marker = null;
            while (true)
            {
                var request = new ListObjectsRequest { BucketName = bucket, Prefix = prefix, Marker = marker };
                ListObjectsResponse response = await RunAsync(watch => _s3.ListObjectsAsync(request, watch.Token), ct).ConfigureAwait(false);
                // SDK v4 returns null, not an empty list, when nothing matches.
                List<S3Object> page = response.S3Objects ?? new List<S3Object>();
                found.AddRange(page.Select(o => new StoredObject(o.Key, o.Size ?? 0, o.ETag)));
                if (response.IsTruncated != true || page.Count == 0)
                {
                    return found;
                }

                // Without a delimiter, NextMarker is optional: the last key is the marker.
                marker = response.NextMarker ?? page[page.Count - 1].Key;
            }
        }

        /// <summary>The names of the caller's buckets.</summary>
        public async Task<IReadOnlyList<string>> ListBucketNamesAsync(CancellationToken ct)
        {
            ListBucketsResponse response = await RunAsync(watch => _s3.ListBucketsAsync(new ListBucketsRequest(), watch.Token), ct).ConfigureAwait(false);
            return (response.Buckets ?? new List<S3Bucket>()).Select(bucket => bucket.BucketName).ToList();
        }

        /// <summary>
        /// The "folders" right under <paramref name="prefix"/>: the common prefixes of keys up to the next '/', from the
        /// first page of ListObjects (version 1, as Eucalyptus' gateway has no version 2).
        /// </summary>
        public async Task<IReadOnlyList<string>> ListFoldersAsync(string bucket, string prefix, CancellationToken ct)
        {
            var request = new ListObjectsRequest { BucketName = bucket, Prefix = prefix, Delimiter = "/" };
            ListObjectsResponse response = await RunAsync(watch => _s3.ListObjectsAsync(request, watch.Token), ct).ConfigureAwait(false);
            return response.CommonPrefixes ?? new List<string>();
        }

        public static string UnquoteETag(string? eTag) => (eTag ?? string.Empty).Trim().Trim('"');

        /// <summary>Each attempt of a request runs under its own stall timer (see <see cref="StallWatch"/>).</summary>
        private Task<T> RunAsync<T>(Func<StallWatch, Task<T>> call, CancellationToken ct) =>
            Retry.RunAsync(async token =>
            {
                using (var watch = new StallWatch(_stallTimeout, token))
                {
                    try
                    {
                        return await call(watch).ConfigureAwait(false);
                    }
                    catch (Exception e) when (!token.IsCancellationRequested)
                    {
                        throw watch.Explain(e);
                    }
                }
            }, OnRetry, ct);

        /// <summary>Keeps the response (and its connection) alive exactly as long as its body stream.</summary>
        private sealed class ResponseBodyStream : Stream
        {
            private readonly GetObjectResponse _response;
            private readonly StallWatch _watch;
            private readonly Stream _body;

            public ResponseBodyStream(GetObjectResponse response, StallWatch watch)
            {
                _response = response;
                _watch = watch;
                _body = watch.Watch(response.ResponseStream);
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                _body.ReadAsync(buffer, offset, count, cancellationToken);

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _response.Dispose();
                    _watch.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
