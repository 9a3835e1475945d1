using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Tags;

/// <summary>The tag filters every Describe* of a taggable resource takes in Eucalyptus 4.4 (tags/FilterSupport's
/// tag:KEY, tag-key and tag-value): whether a resource's tags match one filter, or null when the filter is not a tag
/// filter.</summary>
public static class TagFilters
{
    public static Func<IReadOnlyDictionary<string, string>, bool>? Compile(RequestFilter filter)
    {
        WildcardPattern[] patterns = filter.Values.Select(v => new WildcardPattern(v)).ToArray();
        bool AnyMatch(IEnumerable<string> values) => values.Any(value => patterns.Any(p => p.IsMatch(value)));
        if (filter.Name.StartsWith("tag:", StringComparison.Ordinal) && filter.Name.Length > 4)
        {
            string key = filter.Name[4..];
            return tags => tags.TryGetValue(key, out string? value) && AnyMatch([value]);
        }

        return filter.Name switch
        {
            "tag-key" => tags => AnyMatch(tags.Keys),
            "tag-value" => tags => AnyMatch(tags.Values),
            _ => null,
        };
    }
}
