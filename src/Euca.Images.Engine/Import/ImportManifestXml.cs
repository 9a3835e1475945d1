using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// Writes and reads import manifests in the shape euca2ools writes (pretty-printed, single-quoted standalone
    /// XML declaration, part keys not zero-padded, inclusive byte ranges).
    /// </summary>
    public static class ImportManifestXml
    {
        private const string Declaration = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>";

        public static byte[] Write(ImportManifest manifest)
        {
            if (manifest == null) throw new ArgumentNullException(nameof(manifest));
            var parts = new XElement("parts", new XAttribute("count", manifest.Parts.Count),
                manifest.Parts.OrderBy(p => p.Index).Select(p => new XElement("part",
                    new XAttribute("index", p.Index),
                    new XElement("byte-range", new XAttribute("start", p.Start), new XAttribute("end", p.End)),
                    new XElement("key", p.Key),
                    new XElement("head-url", p.HeadUrl),
                    new XElement("get-url", p.GetUrl),
                    new XElement("delete-url", p.DeleteUrl))));
            var root = new XElement("manifest",
                new XElement("version", manifest.Version),
                new XElement("file-format", manifest.FileFormat),
                new XElement("importer",
                    new XElement("name", manifest.ImporterName),
                    new XElement("version", manifest.ImporterVersion),
                    new XElement("release", manifest.ImporterRelease)),
                new XElement("self-destruct-url", manifest.SelfDestructUrl),
                new XElement("import",
                    new XElement("size", manifest.Size),
                    new XElement("volume-size", manifest.VolumeSize),
                    parts));

            // XmlWriter would write a double-quoted declaration; euca2ools (lxml) writes single quotes.
            var settings = new XmlWriterSettings
            {
                OmitXmlDeclaration = true,
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                Encoding = new UTF8Encoding(false),
            };
            var text = new StringBuilder(Declaration).Append('\n');
            using (var writer = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), settings))
            {
                root.WriteTo(writer);
            }

            return Encoding.UTF8.GetBytes(text.Append('\n').ToString());
        }

        /// <summary>Parses a manifest; a malformed one fails with <c>ImportManifestInvalid</c> naming <paramref name="source"/>.</summary>
        public static ImportManifest Read(Stream stream, string source)
        {
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
                XElement root;
                using (var reader = XmlReader.Create(stream, settings))
                {
                    root = XElement.Load(reader);
                }

                if (root.Name.LocalName != "manifest") throw Invalid(source, "the root element is not <manifest>");
                XElement import = Required(root, "import", source);
                XElement importer = root.Element("importer") ?? new XElement("importer");
                var manifest = new ImportManifest
                {
                    Version = Text(root, "version", source),
                    FileFormat = Text(root, "file-format", source),
                    ImporterName = importer.Element("name")?.Value ?? "",
                    ImporterVersion = importer.Element("version")?.Value ?? "",
                    ImporterRelease = importer.Element("release")?.Value ?? "",
                    SelfDestructUrl = root.Element("self-destruct-url")?.Value ?? "",
                    Size = Number(Text(import, "size", source), "size", source),
                    VolumeSize = Number(Text(import, "volume-size", source), "volume-size", source),
                };
                foreach (XElement part in Required(import, "parts", source).Elements("part"))
                {
                    XElement range = Required(part, "byte-range", source);
                    manifest.Parts.Add(new ImportManifestPart
                    {
                        Index = (int)Number((string?)part.Attribute("index") ?? throw Invalid(source, "a part has no index"), "index", source),
                        Start = Number((string?)range.Attribute("start") ?? "", "byte-range start", source),
                        End = Number((string?)range.Attribute("end") ?? "", "byte-range end", source),
                        Key = Text(part, "key", source),
                        HeadUrl = part.Element("head-url")?.Value ?? "",
                        GetUrl = part.Element("get-url")?.Value ?? "",
                        DeleteUrl = part.Element("delete-url")?.Value ?? "",
                    });
                }

                manifest.Parts = manifest.Parts.OrderBy(p => p.Index).ToList();
                return manifest;
            }
            catch (XmlException e)
            {
                throw Invalid(source, e.Message, e);
            }
        }

        private static XElement Required(XElement parent, string name, string source) =>
            parent.Element(name) ?? throw Invalid(source, $"<{name}> is missing");

        private static string Text(XElement parent, string name, string source) => Required(parent, name, source).Value.Trim();

        private static long Number(string text, string what, string source) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
                ? value
                : throw Invalid(source, $"{what} '{text}' is not a number");

        private static EucaException Invalid(string source, string reason, Exception? inner = null) =>
            new EucaException(ErrorIds.ImportManifestInvalid, EucaErrorCategory.InvalidData, $"The import manifest {source} is not valid: {reason}.", source, inner);
    }
}
