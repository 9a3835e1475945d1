namespace Euca.Images.LocalCloud.State.Migration;

/// <summary>The VM Import/Export tasks of all accounts (AWS flavour). Kept in memory only: a restarted cloud has
/// none, as if they had expired.</summary>
public sealed class MigrationTaskStore
{
    public TaskTable<ExportImageTaskRecord> Exports { get; } = new(t => t.ExportImageTaskId);

    public TaskTable<ImportSnapshotTaskRecord> SnapshotImports { get; } = new(t => t.ImportTaskId);
}

/// <summary>Tasks of one kind by id (thread-safe; reads return snapshots).</summary>
public sealed class TaskTable<T>(Func<T, string> idOf)
    where T : class
{
    private readonly object gate = new();
    private readonly Dictionary<string, T> tasks = new(StringComparer.Ordinal);

    public void Add(T task)
    {
        lock (gate)
        {
            tasks.Add(idOf(task), task);
        }
    }

    public T? Find(string id)
    {
        lock (gate)
        {
            return tasks.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return tasks.Values.OrderBy(idOf, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Replaces a task atomically with <paramref name="change"/>'s result; returns the stored value.</summary>
    public T? Update(string id, Func<T, T> change)
    {
        lock (gate)
        {
            if (!tasks.TryGetValue(id, out T? current))
            {
                return null;
            }

            T next = change(current);
            tasks[id] = next;
            return next;
        }
    }
}
