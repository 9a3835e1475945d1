using System.Xml;
using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Tags;

/// <summary>A resource's tags in a Describe* answer: `tagSet/item` with key and value, the shape the SDK reads for
/// every EC2 resource; nothing when there are none.</summary>
public static class TagXml
{
    public static void WriteTagSet(XmlWriter w, IReadOnlyDictionary<string, string>? tags) =>
        w.WriteItemSet("tagSet", (tags ?? new Dictionary<string, string>()).OrderBy(t => t.Key, StringComparer.Ordinal), (x, tag) =>
        {
            x.WriteElementString("key", tag.Key);
            x.WriteElementString("value", tag.Value);
        });
}
