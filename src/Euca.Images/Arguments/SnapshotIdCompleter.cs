using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Snapshots;

namespace Euca.Images.Arguments
{
    /// <summary>Completes the ids of the caller's snapshots with "id - volume, size GiB, state" tooltips.</summary>
    public sealed class SnapshotIdCompleter : CloudIdCompleter
    {
        /// <inheritdoc />
        protected override string Kind => "snapshot";

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            IReadOnlyList<SnapshotInfo> snapshots = (await new SnapshotService(connection).GetSnapshotsAsync(null, null, cancellationToken).ConfigureAwait(false)).Items;
            return snapshots.Select(s => new CompletionEntry(s.SnapshotId,
                $"{s.SnapshotId} - of {s.VolumeId ?? "an unknown volume"}, {(s.VolumeSizeGiB.HasValue ? s.VolumeSizeGiB + " GiB" : "size unknown")}, {s.State ?? "unknown"}")).ToList();
        }
    }
}
