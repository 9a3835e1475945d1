using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>Reads an import manifest (version 2010-11-15) as the imaging worker does, checking that the parts
/// are numbered from 0 and cover the byte ranges without gaps.</summary>
public static class ImportManifestParser
{
    public sealed record Manifest(string FileFormat, long Size, long VolumeSize, IReadOnlyList<ImportPartRecord> Parts);

    /// <summary>The manifest, or the reason it is not acceptable.</summary>
    public static (Manifest? Manifest, string? Error) Parse(byte[] document)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(document), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            XElement root = XElement.Load(reader);
            if (root.Name.LocalName != "manifest" || root.Element("version")?.Value != "2010-11-15")
            {
                return (null, "the import manifest is not a version 2010-11-15 <manifest>");
            }

            XElement? import = root.Element("import");
            XElement? parts = import?.Element("parts");
            if (import is null || parts is null)
            {
                return (null, "the import manifest has no <import><parts>");
            }

            var list = new List<ImportPartRecord>();
            foreach (XElement part in parts.Elements("part"))
            {
                XElement? range = part.Element("byte-range");
                list.Add(new ImportPartRecord(
                    int.Parse((string?)part.Attribute("index") ?? "", CultureInfo.InvariantCulture),
                    long.Parse((string?)range?.Attribute("start") ?? "", CultureInfo.InvariantCulture),
                    long.Parse((string?)range?.Attribute("end") ?? "", CultureInfo.InvariantCulture),
                    part.Element("key")?.Value ?? "",
                    part.Element("head-url")?.Value ?? "",
                    part.Element("get-url")?.Value ?? "",
                    part.Element("delete-url")?.Value ?? ""));
            }

            list.Sort((a, b) => a.Index.CompareTo(b.Index));
            if (list.Count == 0 || (string?)parts.Attribute("count") != list.Count.ToString(CultureInfo.InvariantCulture))
            {
                return (null, "the import manifest's part count does not match its parts");
            }

            long next = 0;
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i].Index != i || list[i].Start != next || list[i].End < list[i].Start)
                {
                    return (null, $"part {i} of the import manifest does not continue the byte ranges");
                }

                next = list[i].End + 1;
            }

            return (new Manifest(
                root.Element("file-format")?.Value ?? "",
                long.Parse(import.Element("size")?.Value ?? "", CultureInfo.InvariantCulture),
                long.Parse(import.Element("volume-size")?.Value ?? "", CultureInfo.InvariantCulture),
                list), null);
        }
        catch (Exception e) when (e is XmlException or FormatException or OverflowException)
        {
            return (null, $"the import manifest cannot be parsed: {e.Message}");
        }
    }
}
