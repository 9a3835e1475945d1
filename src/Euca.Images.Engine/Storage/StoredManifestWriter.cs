using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>Stores a manifest held in memory with one verified PUT (one request: readers never see half of it).</summary>
    internal static class StoredManifestWriter
    {
        public static Task<long> PutAsync(ObjectStore store, ManifestLocation location, byte[] content, string acl, string? advice, CancellationToken ct)
        {
            string md5;
            using (var hash = MD5.Create())
            {
                md5 = HexEncoding.ToLowerHex(hash.ComputeHash(content));
            }

            return new StorageCall("Storing the manifest", location.Bucket, location.Key, ErrorIds.StorageManifestUploadFailed, advice)
                .RunAsync(token => store.PutAsync(location.Bucket, location.Key, () => new MemoryStream(content, writable: false), md5, acl, null, token), ct);
        }
    }
}
