using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Snapshots
{
    /// <summary>
    /// The EBS calls of the image workflows: snapshot a volume, describe and wait for snapshots (an EBS image is
    /// registered from a completed snapshot).
    /// </summary>
    public sealed class SnapshotService
    {
        // Eucalyptus (and EC2) refuse to delete a snapshot a registered image maps.
        private static readonly ErrorId CloudSnapshotInUse = ErrorIds.CloudService("InvalidSnapshot.InUse");

        private readonly CloudConnection _connection;

        public SnapshotService(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>How often waiting asks the cloud; tests shorten it.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Starts a snapshot of the volume; it is <c>pending</c> until the cloud has copied the volume.</summary>
        public async Task<SnapshotInfo> CreateSnapshotAsync(string volumeId, string? description, CancellationToken cancellationToken)
        {
            var request = new CreateSnapshotRequest { VolumeId = ResourceIdPattern.Volume(volumeId), Description = description };
            var response = await _connection.CallComputeAsync((ec2, ct) => ec2.CreateSnapshotAsync(request, ct), request.VolumeId, cancellationToken).ConfigureAwait(false);
            return SnapshotMapper.From(response.Snapshot);
        }

        /// <summary>
        /// Describes snapshots: the given ids, narrowed by owners (account ids, aliases or <c>self</c>); with neither,
        /// the ones you own. A malformed id (<c>SnapshotIdInvalid</c>) or an unknown one (<c>SnapshotNotFound</c>) is
        /// an error in the listing; the other snapshots are still listed, and one that exists but has another owner is
        /// simply not listed, as is one without every given tag (the <c>tag:KEY</c> filters).
        /// </summary>
        public Task<ResourceListing<SnapshotInfo>> GetSnapshotsAsync(IReadOnlyList<string>? snapshotIds, IReadOnlyList<string>? owners, CancellationToken cancellationToken,
            IReadOnlyDictionary<string, string>? tags = null)
        {
            var ownerList = (owners ?? Array.Empty<string>()).ToList();
            List<Filter> tagFilters = TagSets.Filters(tags);
            var lister = new ResourceLister<SnapshotInfo>(SnapshotResource.Kind, s => s.SnapshotId, async (ids, narrowed, token) =>
            {
                // Without ids or an owner EC2 lists every snapshot the caller may restore, public ones included.
                List<string> ownerIds = narrowed ? ownerList : ids == null ? new List<string> { "self" } : new List<string>();
                var request = new DescribeSnapshotsRequest
                {
                    SnapshotIds = ids?.ToList(),
                    OwnerIds = ownerIds.Count > 0 ? ownerIds : null,
                    Filters = narrowed && tagFilters.Count > 0 ? tagFilters : null,
                };
                var response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeSnapshotsAsync(request, ct), ComputeTarget.Of(request.SnapshotIds), token).ConfigureAwait(false);
                return (response.Snapshots ?? new List<Snapshot>()).Select(SnapshotMapper.From);
            });
            return lister.ListAsync(snapshotIds, ownerList.Count > 0 || tagFilters.Count > 0, cancellationToken);
        }

        /// <summary>
        /// Deletes a snapshot. One the cloud does not know or that belongs to another account is <c>SnapshotNotFound</c>;
        /// one a registered image uses is refused by Eucalyptus (InvalidSnapshot.InUse), which is <c>SnapshotInUse</c>.
        /// </summary>
        public async Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.Snapshot(snapshotId);
            var request = new DeleteSnapshotRequest { SnapshotId = id };
            try
            {
                await SnapshotResource.Kind.CallForIdAsync(_connection, id, (ec2, ct) => ec2.DeleteSnapshotAsync(request, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e) when (e.Is(CloudSnapshotInUse))
            {
                throw new EucaException(ErrorIds.SnapshotInUse, EucaErrorCategory.InvalidOperation,
                    $"Snapshot {id} is in use and was not deleted: {(e.InnerException ?? e).Message.TrimEnd('.')}. Unregister the image that boots from it with -Purge first.", id, e);
            }
        }

        /// <summary>
        /// Waits until the snapshot is completed and returns it, reporting its progress percentage. A snapshot in
        /// state <c>error</c> throws <c>SnapshotFailed</c>; waiting longer than <paramref name="timeout"/> throws
        /// <c>SnapshotTimeout</c> (the snapshot goes on in the cloud).
        /// </summary>
        public async Task<SnapshotInfo> WaitForSnapshotAsync(string snapshotId, TimeSpan timeout, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.Snapshot(snapshotId);
            SnapshotInfo snapshot = await TaskPoller.PollAsync(
                async token => (await GetSnapshotsAsync(new[] { id }, null, token).ConfigureAwait(false)).Single(),
                s => s.IsFinished,
                s => progress?.Report(new OperationProgress(
                    $"Waiting for snapshot {id}", s.Progress ?? 0, 100, s.State, statusDescription: $"{s.State} {s.Progress ?? 0}%")),
                timeout,
                PollInterval,
                s => new EucaException(
                    ErrorIds.SnapshotTimeout,
                    EucaErrorCategory.OperationTimeout,
                    $"Snapshot {id} is still {s.State} ({s.Progress ?? 0}%) after {timeout}; it goes on in the cloud.",
                    id),
                cancellationToken).ConfigureAwait(false);

            if (snapshot.State != "completed")
            {
                throw new EucaException(ErrorIds.SnapshotFailed, EucaErrorCategory.InvalidOperation, $"Snapshot {id} of volume {snapshot.VolumeId} failed (state {snapshot.State}).", id);
            }

            return snapshot;
        }
    }
}
