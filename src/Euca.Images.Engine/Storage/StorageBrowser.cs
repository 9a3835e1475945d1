using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>What object storage holds, by bucket and folder, for choosing where a bundle goes (tab completion).</summary>
    public static class StorageBrowser
    {
        /// <summary>The caller's buckets.</summary>
        public static Task<IReadOnlyList<string>> BucketsAsync(CloudConnection connection, CancellationToken cancellationToken) =>
            new StorageCall("Listing buckets", string.Empty, null, ErrorIds.StorageListFailed)
                .RunAsync(token => ObjectStore.For(connection, null).ListBucketNamesAsync(token), cancellationToken);

        /// <summary>The folders of <paramref name="bucket"/> right under <paramref name="parent"/> ("" or ending in '/'), without their trailing '/'.</summary>
        public static async Task<IReadOnlyList<string>> FoldersAsync(CloudConnection connection, string bucket, string parent, CancellationToken cancellationToken)
        {
            IReadOnlyList<string> folders = await new StorageCall($"Listing the folders of {bucket}/{parent}", bucket, null, ErrorIds.StorageListFailed)
                .RunAsync(token => ObjectStore.For(connection, null).ListFoldersAsync(bucket, parent, token), cancellationToken).ConfigureAwait(false);
            return folders.Select(folder => folder.TrimEnd('/')).ToList();
        }
    }
}
