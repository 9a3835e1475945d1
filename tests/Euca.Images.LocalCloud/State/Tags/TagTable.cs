namespace Euca.Images.LocalCloud.State.Tags;

/// <summary>The tags of every account, by resource id. Eucalyptus 4.4 keeps tags per account (tags/Tag.java has an
/// owner): an account sees and changes only its own tags, also on a resource shared with it. Thread-safe: reads return
/// copies, writes happen under one lock.</summary>
public sealed class TagTable
{
    private readonly object gate = new();
    private readonly Dictionary<(string AccountId, string ResourceId), SortedDictionary<string, string>> tags = new();

    /// <summary>The account's tags on the resource (empty when none).</summary>
    public IReadOnlyDictionary<string, string> For(string accountId, string resourceId)
    {
        lock (gate)
        {
            return tags.TryGetValue((accountId, resourceId), out var found)
                ? new Dictionary<string, string>(found, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    /// <summary>Every tag of the account, ordered by resource then key.</summary>
    public IReadOnlyList<(string ResourceId, string Key, string Value)> All(string accountId)
    {
        lock (gate)
        {
            return tags.Where(t => t.Key.AccountId == accountId)
                .SelectMany(t => t.Value.Select(tag => (t.Key.ResourceId, tag.Key, tag.Value)))
                .OrderBy(t => t.ResourceId, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Adds or overwrites the tags on every resource, all or none: <paramref name="check"/> sees each
    /// resource's tags as they would be and may refuse them.</summary>
    public void Set(string accountId, IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> newTags,
        Action<string, IReadOnlyDictionary<string, string>> check)
    {
        lock (gate)
        {
            var updated = resourceIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id =>
            {
                var merged = tags.TryGetValue((accountId, id), out var current)
                    ? new SortedDictionary<string, string>(current, StringComparer.Ordinal)
                    : new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var tag in newTags)
                {
                    merged[tag.Key] = tag.Value;
                }

                check(id, merged);
                return merged;
            });
            foreach (var resource in updated)
            {
                tags[(accountId, resource.Key)] = resource.Value;
            }
        }
    }

    /// <summary>Deletes tags from every resource: each given key, only where its value matches when a value is given;
    /// with no keys at all, every tag of the resource (EC2's DeleteTags without Tag.N).</summary>
    public void Delete(string accountId, IReadOnlyList<string> resourceIds, IReadOnlyList<(string Key, string? Value)> toDelete)
    {
        lock (gate)
        {
            foreach (string id in resourceIds)
            {
                if (!tags.TryGetValue((accountId, id), out var current))
                {
                    continue;
                }

                if (toDelete.Count == 0)
                {
                    current.Clear();
                }

                foreach ((string key, string? value) in toDelete)
                {
                    if (current.TryGetValue(key, out string? existing) && (value is null || value == existing))
                    {
                        current.Remove(key);
                    }
                }

                if (current.Count == 0)
                {
                    tags.Remove((accountId, id));
                }
            }
        }
    }
}
