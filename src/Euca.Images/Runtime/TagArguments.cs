using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Tags;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// -Tag @{ key = 'value' } as the engine takes tags, and the tagging of a resource a cmdlet has just made
    /// (Eucalyptus 4.4 takes no tags with the call that makes it).
    /// </summary>
    internal static class TagArguments
    {
        /// <summary>The hashtable's tags, checked against Eucalyptus' rules (TagInvalid) before anything is made.</summary>
        public static IReadOnlyDictionary<string, string> From(Hashtable? table) =>
            TagService.Check(table is null
                ? new Dictionary<string, string>()
                : table.Cast<DictionaryEntry>().ToDictionary(e => Convert.ToString(e.Key) ?? string.Empty, e => Convert.ToString(e.Value) ?? string.Empty, StringComparer.Ordinal));

        /// <summary>Tags the new resource <paramref name="resourceId"/> (nothing when there are no tags) and returns <paramref name="made"/>.</summary>
        public static async Task<T> TagNewAsync<T>(CloudConnection connection, T made, string resourceId, IReadOnlyDictionary<string, string> tags, CancellationToken ct)
        {
            if (tags.Count > 0)
            {
                await new TagService(connection).CreateTagsAsync(new[] { resourceId }, tags, ct).ConfigureAwait(false);
            }

            return made;
        }
    }
}
