using System.Globalization;

namespace Euca.Images.LocalCloud.Protocol;

/// <summary>The flattened parameters of an EC2 query request (`Name`, `Name.N`, `Name.N.Sub`,
/// `Filter.N.Name` + `Filter.N.Value.M`). Names are case-sensitive, as in EC2. Lists are ordered by N
/// numerically and may have gaps (the SDK numbers from 1, other clients need not).</summary>
public sealed class QueryParameters
{
    private readonly IReadOnlyDictionary<string, string> values;

    public QueryParameters(IReadOnlyDictionary<string, string> values)
    {
        this.values = values;
    }

    public IEnumerable<string> Names => values.Keys;

    public string? Get(string name) => values.GetValueOrDefault(name);

    public string GetRequired(string name) =>
        values.TryGetValue(name, out string? value) && value.Length > 0 ? value : throw CloudErrors.MissingParameter(name);

    /// <summary>`Name.1`, `Name.2`, ... values in index order.</summary>
    public IReadOnlyList<string> GetList(string name) =>
        IndexedEntries(name).Where(e => e.Member.Length == 0).Select(e => e.Value).ToArray();

    /// <summary>`Name.N.Sub` members grouped per N into sub-parameter sets (keys without the `Name.N.` prefix).</summary>
    public IReadOnlyList<QueryParameters> GetStructList(string name) =>
        IndexedEntries(name)
            .Where(e => e.Member.Length > 0)
            .GroupBy(e => e.Index)
            .OrderBy(g => g.Key)
            .Select(g => new QueryParameters(g.ToDictionary(e => e.Member, e => e.Value, StringComparer.Ordinal)))
            .ToArray();

    /// <summary>`Filter.N.Name` with its `Filter.N.Value.M` values; a filter without a name is a client error. The
    /// import-task describes spell the list `Filters.N` (<paramref name="listName"/>).</summary>
    public IReadOnlyList<RequestFilter> GetFilters(string listName = "Filter")
    {
        var filters = new List<RequestFilter>();
        foreach (QueryParameters filter in GetStructList(listName))
        {
            string name = filter.Get("Name")
                ?? throw CloudErrors.InvalidParameterValue($"Each {listName}.N needs a {listName}.N.Name.");
            filters.Add(new RequestFilter(name, filter.GetList("Value")));
        }

        return filters;
    }

    private IEnumerable<(long Index, string Member, string Value)> IndexedEntries(string name)
    {
        string prefix = name + ".";
        var entries = new List<(long Index, string Member, string Value)>();
        foreach ((string key, string value) in values)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string afterPrefix = key[prefix.Length..];
            int dot = afterPrefix.IndexOf('.');
            string indexText = dot < 0 ? afterPrefix : afterPrefix[..dot];
            if (!long.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out long index))
            {
                continue;
            }

            entries.Add((index, dot < 0 ? "" : afterPrefix[(dot + 1)..], value));
        }

        return entries.OrderBy(e => e.Index);
    }
}

/// <summary>One `Filter.N`: values are OR-ed, filters are AND-ed.</summary>
public sealed record RequestFilter(string Name, IReadOnlyList<string> Values);
