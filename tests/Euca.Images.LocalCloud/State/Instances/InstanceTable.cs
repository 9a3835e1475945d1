namespace Euca.Images.LocalCloud.State.Instances;

/// <summary>The instances and their bundle tasks. Thread-safe: reads return snapshots, writes happen under one lock.
/// Eucalyptus keeps at most one bundle task per instance (on the instance's runtime state); so does this table.</summary>
public sealed class InstanceTable
{
    private readonly object gate = new();
    private readonly Dictionary<string, InstanceRecord> instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BundleTaskRecord> bundleTasks = new(StringComparer.Ordinal);

    public InstanceTable(IEnumerable<InstanceRecord> seed)
    {
        foreach (InstanceRecord instance in seed)
        {
            if (!instances.TryAdd(instance.InstanceId, instance))
            {
                throw new InvalidDataException($"Instance {instance.InstanceId} is configured twice.");
            }
        }
    }

    public IReadOnlyList<InstanceRecord> SnapshotInstances()
    {
        lock (gate)
        {
            return instances.Values.OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToArray();
        }
    }

    public InstanceRecord? FindInstance(string instanceId)
    {
        lock (gate)
        {
            return instances.GetValueOrDefault(instanceId);
        }
    }

    /// <summary>Adds a newly launched instance; its id must be new.</summary>
    public void AddInstance(InstanceRecord instance)
    {
        lock (gate)
        {
            if (!instances.TryAdd(instance.InstanceId, instance))
            {
                throw new InvalidOperationException($"Instance {instance.InstanceId} exists already.");
            }
        }
    }

    /// <summary>Replaces every instance and bundle task with saved ones (a cloud restarted on its state folder).</summary>
    public void Restore(IEnumerable<InstanceRecord> savedInstances, IEnumerable<BundleTaskRecord> savedTasks)
    {
        lock (gate)
        {
            instances.Clear();
            foreach (InstanceRecord instance in savedInstances)
            {
                instances[instance.InstanceId] = instance;
            }

            bundleTasks.Clear();
            foreach (BundleTaskRecord task in savedTasks)
            {
                bundleTasks[task.BundleId] = task;
            }
        }
    }

    public bool UpdateInstance(string instanceId, Func<InstanceRecord, InstanceRecord> change)
    {
        lock (gate)
        {
            if (!instances.TryGetValue(instanceId, out InstanceRecord? current))
            {
                return false;
            }

            instances[instanceId] = change(current);
            return true;
        }
    }

    public IReadOnlyList<BundleTaskRecord> SnapshotBundleTasks()
    {
        lock (gate)
        {
            return bundleTasks.Values.OrderBy(t => t.BundleId, StringComparer.Ordinal).ToArray();
        }
    }

    public BundleTaskRecord? FindBundleTask(string bundleId)
    {
        lock (gate)
        {
            return bundleTasks.GetValueOrDefault(bundleId);
        }
    }

    /// <summary>Starts <paramref name="task"/> unless the instance has an unfinished task, which is returned
    /// instead (Eucalyptus answers a second BundleInstance with the running task).</summary>
    public BundleTaskRecord StartBundleTask(BundleTaskRecord task, Func<BundleTaskRecord, bool> isFinished)
    {
        lock (gate)
        {
            if (bundleTasks.TryGetValue(task.BundleId, out BundleTaskRecord? current) && !isFinished(current))
            {
                return current;
            }

            bundleTasks[task.BundleId] = task;
            return task;
        }
    }

    /// <summary>Replaces a task atomically with the result of <paramref name="change"/>; null if absent.</summary>
    public BundleTaskRecord? UpdateBundleTask(string bundleId, Func<BundleTaskRecord, BundleTaskRecord> change)
    {
        lock (gate)
        {
            if (!bundleTasks.TryGetValue(bundleId, out BundleTaskRecord? current))
            {
                return null;
            }

            BundleTaskRecord changed = change(current);
            bundleTasks[bundleId] = changed;
            return changed;
        }
    }
}
