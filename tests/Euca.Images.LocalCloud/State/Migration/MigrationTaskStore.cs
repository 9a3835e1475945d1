namespace Euca.Images.LocalCloud.State.Migration;

/// <summary>The VM Import/Export tasks of all accounts (AWS flavour), saved in the state folder like every other
/// resource: a cloud started again finds them and its worker goes on stepping the active ones.</summary>
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

    /// <summary>Adds or replaces a task as it was saved.</summary>
    public void Put(T task)
    {
        lock (gate)
        {
            tasks[idOf(task)] = task;
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
