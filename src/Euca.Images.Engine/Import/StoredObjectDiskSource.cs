using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// A disk that is an object in some cloud's object storage (for example an image AWS exported to S3), read with one
    /// ranged GET per import part through that cloud's connection; each range is retried on its own.
    /// </summary>
    public sealed class StoredObjectDiskSource : IImportDiskSource
    {
        private readonly string _bucket;
        private readonly string _key;
        private readonly ObjectStore _store;

        public StoredObjectDiskSource(CloudConnection connection, string bucket, string key, long length, ImportDiskFormat format, long imageBytes)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            _bucket = bucket;
            _key = key;
            _store = ObjectStore.For(connection, null);
            Length = length;
            Format = format;
            ImageBytes = imageBytes;
        }

        public string Name => $"s3://{_bucket}/{_key}";

        public string FileName => _key.Substring(_key.LastIndexOf('/') + 1);

        public long Length { get; }

        public long ImageBytes { get; }

        public ImportDiskFormat Format { get; }

        public Task ReadAsync(long start, byte[] buffer, int length, CancellationToken cancellationToken) =>
            new StorageCall($"Reading bytes {start} to {start + length - 1} of the disk", _bucket, _key, ErrorIds.ImportUploadFailed)
                .RunAsync(token => _store.ReadRangeAsync(_bucket, _key, start, buffer, length, token), cancellationToken);
    }
}
