using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Instances;

namespace Euca.Images.Arguments
{
    /// <summary>Completes the caller's instance ids with "id - state, image, root device type" tooltips.</summary>
    public sealed class InstanceIdCompleter : CloudIdCompleter
    {
        /// <inheritdoc />
        protected override string Kind => "instance";

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            ResourceListing<InstanceInfo> instances = await new InstanceService(connection).GetInstancesAsync(null, null, cancellationToken).ConfigureAwait(false);
            return instances.Items.Select(i => new CompletionEntry(i.InstanceId,
                $"{i.InstanceId} - {i.State ?? "unknown"}, from {i.ImageId ?? "an unknown image"}, {i.RootDeviceType?.ToString() ?? "unknown root device"}")).ToList();
        }
    }
}
