using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.EC2.Model;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Tags as every resource area reads and queries them: the SDK's tag list of a described resource as a dictionary
    /// (SDK v4 gives null for none; a repeated key keeps its last value), and the <c>tag:KEY</c> filters that keep
    /// resources carrying every given tag, which Eucalyptus 4.4 supports on images, snapshots and volumes.
    /// </summary>
    internal static class TagSets
    {
        public static IReadOnlyDictionary<string, string> From(List<Tag>? tags) =>
            (tags ?? new List<Tag>()).Where(t => t.Key != null)
                .GroupBy(t => t.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);

        public static List<Filter> Filters(IReadOnlyDictionary<string, string>? tags) =>
            (tags ?? new Dictionary<string, string>()).Select(t => new Filter("tag:" + t.Key, new List<string> { t.Value ?? string.Empty })).ToList();
    }
}
