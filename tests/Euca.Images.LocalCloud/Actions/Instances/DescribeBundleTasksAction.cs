using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>DescribeBundleTasks narrowed by BundleId.N: the caller's tasks (all for an administrator), each as it
/// stands now. Requested ids that are not visible give InvalidBundleID.NotFound.</summary>
public sealed class DescribeBundleTasksAction : ICloudAction
{
    public string Name => "DescribeBundleTasks";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        HashSet<string> ids = context.Parameters.GetList("BundleId").Select(InstanceIds.Bundle).ToHashSet(StringComparer.Ordinal);
        List<BundleTaskRecord> visible = context.State.Instances.SnapshotBundleTasks()
            .Where(t => context.Account.IsAdmin || t.OwnerId == context.Account.AccountId)
            .ToList();
        string? missing = ids.Order(StringComparer.Ordinal).FirstOrDefault(id => visible.All(t => t.BundleId != id));
        if (missing is not null)
        {
            throw InstanceErrors.BundleTaskNotFound(missing);
        }

        DateTimeOffset now = context.Time.GetUtcNow();
        TimeSpan step = context.State.Timing.BundleStep;
        List<BundleTaskRecord> selected = visible.Where(t => ids.Count == 0 || ids.Contains(t.BundleId)).ToList();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("bundleInstanceTasksSet", selected,
            (x, task) => BundleTaskXml.Write(x, task, BundleTaskTimeline.At(task, now, step))));
    }
}
