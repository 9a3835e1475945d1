using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Topology;

/// <summary>Filters over the few string properties of zones and regions (Eucalyptus FilterSupport: a value matches
/// with `*`/`?` wildcards; values of one filter are OR-ed, filters are AND-ed; an unknown name is an error).</summary>
public static class TopologyFilters
{
    public static Func<T, bool> Compile<T>(IReadOnlyList<RequestFilter> filters, IReadOnlyDictionary<string, Func<T, string>> properties)
    {
        var compiled = new List<Func<T, bool>>();
        foreach (RequestFilter filter in filters)
        {
            Func<T, string> property = properties.GetValueOrDefault(filter.Name)
                ?? throw CloudErrors.InvalidParameterValue($"The filter '{filter.Name}' is invalid");
            WildcardPattern[] patterns = filter.Values.Select(v => new WildcardPattern(v)).ToArray();
            compiled.Add(item => patterns.Any(p => p.IsMatch(property(item))));
        }

        return item => compiled.All(f => f(item));
    }
}
