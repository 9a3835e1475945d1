using System.Globalization;
using System.Xml;

namespace Euca.Images.LocalCloud.Protocol;

/// <summary>Small helpers for the EC2 XML conventions: optional fields are left out, booleans are lower-case,
/// and collections are &lt;xxxSet&gt;&lt;item&gt;... An empty collection is still written, as an empty element
/// (`&lt;snapshotSet/&gt;`): Eucalyptus' JiBX bindings (compute-common ec2-*.xml) write every list field, and its lists
/// are never null, so clients of that era index `snapshotSet` or `groupSet` without checking for it.</summary>
public static class XmlWriterExtensions
{
    public static void WriteOptional(this XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, value);
        }
    }

    public static void WriteOptional(this XmlWriter writer, string name, bool? value)
    {
        if (value is bool b)
        {
            writer.WriteElementString(name, b ? "true" : "false");
        }
    }

    public static void WriteOptional(this XmlWriter writer, string name, int? value)
    {
        if (value is int i)
        {
            writer.WriteElementString(name, i.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void WriteItemSet<T>(this XmlWriter writer, string name, IEnumerable<T> items, Action<XmlWriter, T> writeItem)
    {
        writer.WriteStartElement(name);
        foreach (T item in items)
        {
            writer.WriteStartElement("item");
            writeItem(writer, item);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>EC2's timestamp format: ISO 8601 UTC with milliseconds, e.g. 2017-03-14T09:26:11.000Z.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
