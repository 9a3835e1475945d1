using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Instances;

namespace Euca.Images.Arguments
{
    /// <summary>Completes the caller's bundle task ids with "id - instance, state, progress" tooltips.</summary>
    public sealed class BundleIdCompleter : CloudIdCompleter
    {
        /// <inheritdoc />
        protected override string Kind => "bundle-task";

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            ResourceListing<BundleTaskInfo> tasks = await new InstanceBundler(connection).GetBundleTasksAsync(null, cancellationToken).ConfigureAwait(false);
            return tasks.Items.Select(t => new CompletionEntry(t.BundleId,
                $"{t.BundleId} - {t.InstanceId ?? "unknown instance"}, {t.State ?? "unknown"} {(t.Progress.HasValue ? t.Progress + "%" : string.Empty)}".TrimEnd())).ToList();
        }
    }

    /// <summary>Completes the caller's conversion task ids with "id - type, state, volume" tooltips.</summary>
    public sealed class ConversionTaskIdCompleter : CloudIdCompleter
    {
        /// <inheritdoc />
        protected override string Kind => "conversion-task";

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            ResourceListing<ConversionTaskInfo> tasks = await new ImportService(connection).GetConversionTasksAsync(null, cancellationToken).ConfigureAwait(false);
            return tasks.Items.Select(t => new CompletionEntry(t.ConversionTaskId,
                $"{t.ConversionTaskId} - {t.TaskType}, {t.State}{(t.VolumeId is null ? string.Empty : ", volume " + t.VolumeId)}")).ToList();
        }
    }
}
