using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>CancelBundleTask: a task of the caller that has not finished moves to `cancelling`, then fails.
/// Eucalyptus (whose own task states are only pending and storing) refuses to cancel a finished task.</summary>
public sealed class CancelBundleTaskAction : ICloudAction
{
    public string Name => "CancelBundleTask";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string bundleId = InstanceIds.Bundle(context.Parameters.GetRequired("BundleId"));
        DateTimeOffset now = context.Time.GetUtcNow();
        TimeSpan step = context.State.Timing.BundleStep;
        BundleTaskRecord? cancelled = null;
        string? refusedState = null;
        context.State.Instances.UpdateBundleTask(bundleId, task =>
        {
            if (!context.Account.IsAdmin && task.OwnerId != context.Account.AccountId)
            {
                return task;
            }

            BundleTaskView view = BundleTaskTimeline.At(task, now, step);
            if (!BundleTaskTimeline.IsCancellable(view))
            {
                refusedState = view.State;
                cancelled = task;
                return task;
            }

            cancelled = task with { CancelTime = now };
            return cancelled;
        });

        if (cancelled is null)
        {
            throw InstanceErrors.BundleTaskNotFound(bundleId);
        }

        if (refusedState is not null)
        {
            throw InstanceErrors.IncorrectState($"Can't cancel bundle task when the bundle task is {refusedState}");
        }

        return BundleTaskXml.Single(Name, cancelled, BundleTaskTimeline.At(cancelled, now, step));
    }
}
