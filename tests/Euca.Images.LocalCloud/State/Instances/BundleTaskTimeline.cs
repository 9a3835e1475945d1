namespace Euca.Images.LocalCloud.State.Instances;

/// <summary>The course of a bundle task over time, one <see cref="ComputeTiming.BundleStep"/> per stage:
/// pending, waiting-for-shutdown, bundling, then storing for two steps (progress 0-100%), then complete. A refused
/// upload fails the task when storing begins; a cancelled task shows `cancelling` for one step, then fails.</summary>
public static class BundleTaskTimeline
{
    private const int StoringStart = 3;
    private const int StoringSteps = 2;

    public static BundleTaskView At(BundleTaskRecord task, DateTimeOffset now, TimeSpan step)
    {
        if (task.CancelTime is DateTimeOffset cancelled)
        {
            return now < cancelled + step
                ? new BundleTaskView(BundleTaskStates.Cancelling, ProgressAt(task, cancelled, step), cancelled, null, null)
                : new BundleTaskView(BundleTaskStates.Failed, ProgressAt(task, cancelled, step), cancelled + step,
                    "Client.Cancelled", "The bundle task was cancelled by the user.");
        }

        return Running(task, now, step);
    }

    /// <summary>True while CancelBundleTask may still stop the task.</summary>
    public static bool IsCancellable(BundleTaskView view) =>
        view.State is BundleTaskStates.Pending or BundleTaskStates.WaitingForShutdown or BundleTaskStates.Bundling or BundleTaskStates.Storing;

    private static BundleTaskView Running(BundleTaskRecord task, DateTimeOffset now, TimeSpan step)
    {
        double steps = step <= TimeSpan.Zero ? double.MaxValue : (now - task.StartTime) / step;
        DateTimeOffset StepStart(int n) => task.StartTime + step * n;
        if (steps < 1)
        {
            return new BundleTaskView(BundleTaskStates.Pending, 0, task.StartTime, null, null);
        }

        if (steps < 2)
        {
            return new BundleTaskView(BundleTaskStates.WaitingForShutdown, 0, StepStart(1), null, null);
        }

        if (steps < StoringStart)
        {
            return new BundleTaskView(BundleTaskStates.Bundling, 0, StepStart(2), null, null);
        }

        if (task.UploadRefusal is string refusal)
        {
            return new BundleTaskView(BundleTaskStates.Failed, 0, StepStart(StoringStart), "Client.AccessDenied", refusal);
        }

        if (steps < StoringStart + StoringSteps)
        {
            return new BundleTaskView(BundleTaskStates.Storing, ProgressAt(task, now, step), now, null, null);
        }

        return new BundleTaskView(BundleTaskStates.Complete, 100, StepStart(StoringStart + StoringSteps), null, null);
    }

    private static int ProgressAt(BundleTaskRecord task, DateTimeOffset time, TimeSpan step)
    {
        if (step <= TimeSpan.Zero)
        {
            return 100;
        }

        double storing = (time - task.StartTime) / step - StoringStart;
        return (int)Math.Clamp(storing / StoringSteps * 100, 0, 100);
    }
}
