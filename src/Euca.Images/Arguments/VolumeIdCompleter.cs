using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Volumes;

namespace Euca.Images.Arguments
{
    /// <summary>Completes the caller's volume ids with "id - size GiB, state (attached to instance)" tooltips.</summary>
    public sealed class VolumeIdCompleter : CloudIdCompleter
    {
        /// <inheritdoc />
        protected override string Kind => "volume";

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            ResourceListing<VolumeInfo> listing = await new VolumeService(connection).GetVolumesAsync(null, null, null, cancellationToken).ConfigureAwait(false);
            return listing.Items.Select(v => new CompletionEntry(v.VolumeId, ToolTip(v))).ToList();
        }

        private static string ToolTip(VolumeInfo volume)
        {
            string attached = string.Join(", ", volume.Attachments.Where(a => a.InstanceId != null).Select(a => a.InstanceId));
            return $"{volume.VolumeId} - {(volume.SizeGiB.HasValue ? volume.SizeGiB + " GiB" : "size unknown")}, {volume.State ?? "unknown"}" +
                (attached.Length == 0 ? string.Empty : $" (attached to {attached})");
        }
    }
}
