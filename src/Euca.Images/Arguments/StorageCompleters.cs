using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Arguments
{
    /// <summary>Completes the caller's buckets (object storage).</summary>
    public sealed class BucketCompleter : CloudIdCompleter
    {
        /// <inheritdoc />
        protected override string Kind => "bucket";

        /// <inheritdoc />
        protected override bool CanList(CloudConnection connection) => connection.Settings.ObjectStorageUrl != null;

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            IReadOnlyList<string> buckets = await StorageBrowser.BucketsAsync(connection, cancellationToken).ConfigureAwait(false);
            return buckets.Select(bucket => new CompletionEntry(bucket, $"bucket {bucket}")).ToList();
        }
    }

    /// <summary>
    /// Completes -KeyPrefix (and -Prefix) with the folders of the bucket given on the same line, one level at a time:
    /// "images/" completes to the folders inside images.
    /// </summary>
    public sealed class KeyPrefixCompleter : CloudIdCompleter
    {
        /// <inheritdoc />
        protected override string Kind => "folder";

        /// <inheritdoc />
        protected override bool CanList(CloudConnection connection) => connection.Settings.ObjectStorageUrl != null;

        /// <inheritdoc />
        protected override string? Scope(string word, IDictionary fakeBoundParameters)
        {
            object? bound = fakeBoundParameters["Bucket"];
            string? bucket = (bound is PSObject wrapped ? wrapped.BaseObject : bound) as string;
            return string.IsNullOrEmpty(bucket) ? null : bucket + "/" + word.Substring(0, word.LastIndexOf('/') + 1);
        }

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            int slash = scope.IndexOf('/');
            string bucket = scope.Substring(0, slash);
            IReadOnlyList<string> folders = await StorageBrowser.FoldersAsync(connection, bucket, scope.Substring(slash + 1), cancellationToken).ConfigureAwait(false);
            return folders.Select(folder => new CompletionEntry(folder, $"{bucket}/{folder}/")).ToList();
        }
    }
}
