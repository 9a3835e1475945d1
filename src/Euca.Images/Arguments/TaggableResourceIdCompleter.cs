using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Instances;
using Euca.Images.Engine.Snapshots;
using Euca.Images.Engine.Volumes;

namespace Euca.Images.Arguments
{
    /// <summary>
    /// Completes the ids of every resource Eucalyptus tags (the caller's images, snapshots, volumes and instances),
    /// each with its kind and name or state as the tooltip.
    /// </summary>
    public sealed class TaggableResourceIdCompleter : CloudIdCompleter
    {
        /// <inheritdoc />
        protected override string Kind => "taggable";

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            var images = new ImageService(connection).GetImagesAsync(new ImageQuery { Owners = new[] { "self" } }, cancellationToken);
            var snapshots = new SnapshotService(connection).GetSnapshotsAsync(null, null, cancellationToken);
            var volumes = new VolumeService(connection).GetVolumesAsync(null, null, null, cancellationToken);
            var instances = new InstanceService(connection).GetInstancesAsync(null, null, cancellationToken);
            await Task.WhenAll(images, snapshots, volumes, instances).ConfigureAwait(false);
            return images.Result.Items.Select(i => new CompletionEntry(i.ImageId, $"{i.ImageId} - image {i.Name ?? "(no name)"}"))
                .Concat(snapshots.Result.Items.Select(s => new CompletionEntry(s.SnapshotId, $"{s.SnapshotId} - snapshot of {s.VolumeId ?? "an unknown volume"}")))
                .Concat(volumes.Result.Items.Select(v => new CompletionEntry(v.VolumeId, $"{v.VolumeId} - volume, {v.State ?? "unknown"}")))
                .Concat(instances.Result.Items.Select(i => new CompletionEntry(i.InstanceId, $"{i.InstanceId} - instance, {i.State ?? "unknown"}")))
                .ToList();
        }
    }
}
