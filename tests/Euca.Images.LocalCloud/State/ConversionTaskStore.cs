namespace Euca.Images.LocalCloud.State;

/// <summary>The conversion tasks of all accounts (thread-safe; reads return snapshots).</summary>
public sealed class ConversionTaskStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, ConversionTaskRecord> tasks = new(StringComparer.Ordinal);

    /// <summary>Adds a task under a fresh id with the given prefix (import-vol or import-i).</summary>
    public ConversionTaskRecord Add(string idPrefix, ConversionTaskRecord task)
    {
        lock (gate)
        {
            string id;
            do
            {
                id = ResourceIds.New(idPrefix);
            }
            while (tasks.ContainsKey(id));

            ConversionTaskRecord stored = task with { ConversionTaskId = id };
            tasks.Add(id, stored);
            return stored;
        }
    }

    /// <summary>Adds or replaces a task as it was saved.</summary>
    public void Put(ConversionTaskRecord task)
    {
        lock (gate)
        {
            tasks[task.ConversionTaskId] = task;
        }
    }

    public ConversionTaskRecord? Find(string id)
    {
        lock (gate)
        {
            return tasks.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<ConversionTaskRecord> Snapshot()
    {
        lock (gate)
        {
            return tasks.Values.OrderBy(t => t.ConversionTaskId, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Replaces a task atomically with <paramref name="change"/>'s result; returns the stored value.</summary>
    public ConversionTaskRecord? Update(string id, Func<ConversionTaskRecord, ConversionTaskRecord> change)
    {
        lock (gate)
        {
            if (!tasks.TryGetValue(id, out ConversionTaskRecord? current))
            {
                return null;
            }

            ConversionTaskRecord next = change(current);
            tasks[id] = next;
            return next;
        }
    }
}
