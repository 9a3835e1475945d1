using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// Reads bundle manifests from euca2ools (all versions) and ec2-ami-tools (single-quoted attributes, a plain
    /// <c>&lt;?xml version='1.0'?&gt;</c>, part names padded to the part count, kernel_name and ancestry). Manifests
    /// come from buckets other people can write to, so DTDs are refused outright and part names are checked to
    /// be bare file names.
    /// </summary>
    public static class ManifestReader
    {
        /// <summary>
        /// Far above any real manifest (10,000 parts of a 100 GiB image make about 1.5 MB) and small enough that a
        /// hostile one cannot exhaust memory.
        /// </summary>
        public const int MaxManifestBytes = 32 * 1024 * 1024;

        public static ManifestDocument ReadFile(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            byte[] raw;
            try
            {
                raw = RegularFile.ReadAllBytes(path, MaxManifestBytes);
            }
            catch (FileTooLargeException)
            {
                throw TooLarge(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                EucaErrorCategory category = e is FileNotFoundException || e is DirectoryNotFoundException
                    ? EucaErrorCategory.ObjectNotFound
                    : EucaErrorCategory.InvalidData;
                throw new EucaException(ErrorIds.ManifestUnreadable, category, $"The manifest '{path}' cannot be read: {e.Message}", path, e);
            }
            return Read(raw, path);
        }

        /// <summary>Reads a manifest from a stream (for example an object download), refusing oversized input.</summary>
        public static ManifestDocument Read(Stream stream, string sourceName)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            using (var buffer = new MemoryStream())
            {
                var chunk = new byte[81920];
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    if (buffer.Length + read > MaxManifestBytes) throw TooLarge(sourceName);
                    buffer.Write(chunk, 0, read);
                }
                return Read(buffer.ToArray(), sourceName);
            }
        }

        /// <param name="sourceName">Where the bytes came from (path or key), used in error messages.</param>
        public static ManifestDocument Read(byte[] raw, string sourceName)
        {
            if (raw == null) throw new ArgumentNullException(nameof(raw));
            if (raw.Length > MaxManifestBytes) throw TooLarge(sourceName);
            string text = Decode(raw, sourceName);
            XmlReaderSettings settings = ReaderSettings();
            try
            {
                // Scanned first: the scan bounds the nesting depth before a tree is built.
                byte[] signed = SignedElements.Extract(text, settings, sourceName);
                XElement root = Parse(text, settings, sourceName);
                var manifest = new ManifestParser(root, sourceName).Parse();
                return new ManifestDocument(manifest, signed);
            }
            catch (XmlException e)
            {
                throw new EucaException(ErrorIds.ManifestInvalid, EucaErrorCategory.InvalidData,
                    $"The manifest '{sourceName}' is not well-formed XML: {e.Message}", sourceName, e);
            }
        }

        private static string Decode(byte[] raw, string sourceName)
        {
            string text;
            try
            {
                // Strict, so that the signed characters encode back to exactly the bytes in the file.
                text = new UTF8Encoding(false, true).GetString(raw).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException e)
            {
                throw new EucaException(ErrorIds.ManifestInvalid, EucaErrorCategory.InvalidData,
                    $"The manifest '{sourceName}' is not UTF-8 text.", sourceName, e);
            }
            // Checked before parsing so that entity tricks (billion laughs, external entities) get their own
            // error id; DtdProcessing.Prohibit below would refuse them anyway.
            if (text.IndexOf("<!DOCTYPE", StringComparison.Ordinal) >= 0 || text.IndexOf("<!ENTITY", StringComparison.Ordinal) >= 0)
            {
                throw new EucaException(ErrorIds.ManifestHostile, EucaErrorCategory.SecurityError,
                    $"The manifest '{sourceName}' contains a document type declaration; bundle manifests never do, and it is refused.",
                    sourceName);
            }
            return text;
        }

        private static XmlReaderSettings ReaderSettings() => new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        private static XElement Parse(string text, XmlReaderSettings settings, string sourceName)
        {
            using (var reader = XmlReader.Create(new StringReader(text), settings))
            {
                XElement root = XDocument.Load(reader).Root!;
                if (root.Name.LocalName != "manifest") throw ManifestParser.Invalid(sourceName, "its root element is not <manifest>");
                return root;
            }
        }

        private static EucaException TooLarge(string sourceName) =>
            new EucaException(ErrorIds.ManifestInvalid, EucaErrorCategory.InvalidData,
                $"The manifest '{sourceName}' is larger than {MaxManifestBytes} bytes; no bundle manifest is that big.", sourceName);

        /// <summary>Maps the XML tree onto <see cref="BundleManifest"/>, naming the element that is missing or wrong.</summary>
        private sealed class ManifestParser
        {
            private const string Sha1 = "SHA1";
            private const string Aes128Cbc = "AES-128-CBC";
            private readonly XElement _root;
            private readonly string _sourceName;

            public ManifestParser(XElement root, string sourceName)
            {
                _root = root;
                _sourceName = sourceName;
            }

            public BundleManifest Parse()
            {
                var manifest = new BundleManifest
                {
                    Version = Text(Child(_root, "version")) ?? "",
                    Signature = Text(Child(_root, "signature")),
                };
                XElement? bundler = Child(_root, "bundler");
                if (bundler != null)
                {
                    manifest.Bundler = new BundlerInfo(Text(Child(bundler, "name")) ?? "", Text(Child(bundler, "version")) ?? "",
                        Text(Child(bundler, "release")) ?? "");
                }
                XElement? machine = Child(_root, "machine_configuration");
                if (machine != null) ReadMachineConfiguration(machine, manifest);
                ReadImage(Required(_root, "image", "image"), manifest);
                return manifest;
            }

            private void ReadMachineConfiguration(XElement machine, BundleManifest manifest)
            {
                manifest.Architecture = Text(Child(machine, "architecture"));
                manifest.KernelId = Text(Child(machine, "kernel_id"));
                manifest.RamdiskId = Text(Child(machine, "ramdisk_id"));
                manifest.BlockDeviceMappings = Children(Child(machine, "block_device_mapping"), "mapping")
                    .Select(m => new BlockDeviceMapping(
                        RequiredText(m, "virtual", "machine_configuration/block_device_mapping/mapping/virtual"),
                        RequiredText(m, "device", "machine_configuration/block_device_mapping/mapping/device")))
                    .ToList();
                manifest.ProductCodes = Children(Child(machine, "product_codes"), "product_code")
                    .Select(c => Text(c) ?? "").Where(c => c.Length > 0).ToList();
            }

            private void ReadImage(XElement image, BundleManifest manifest)
            {
                manifest.ImageName = RequiredText(image, "name", "image/name");
                ImageFileNames.Check(manifest.ImageName);
                manifest.AccountId = Text(Child(image, "user")) ?? "";
                manifest.ImageType = ImageType(Text(Child(image, "type")));
                manifest.KernelName = Text(Child(image, "kernel_name"));
                manifest.AncestorAmiIds = Children(Child(image, "ancestry"), "ancestor_ami_id")
                    .Select(a => Text(a) ?? "").Where(a => a.Length > 0).ToList();
                manifest.ImageDigest = Digest(RequiredText(image, "digest", "image/digest"), "image/digest");
                RequireAlgorithm(image, "digest", Sha1);
                RequireAlgorithm(image, "ec2_encrypted_key", Aes128Cbc);
                RequireAlgorithm(image, "user_encrypted_key", Aes128Cbc);
                manifest.Size = Number(RequiredText(image, "size", "image/size"), "image/size");
                manifest.BundledSize = Number(RequiredText(image, "bundled_size", "image/bundled_size"), "image/bundled_size");
                manifest.Ec2EncryptedKey = RequiredText(image, "ec2_encrypted_key", "image/ec2_encrypted_key");
                manifest.Ec2EncryptedIv = RequiredText(image, "ec2_encrypted_iv", "image/ec2_encrypted_iv");
                manifest.UserEncryptedKey = Text(Child(image, "user_encrypted_key")) ?? "";
                manifest.UserEncryptedIv = Text(Child(image, "user_encrypted_iv")) ?? "";
                manifest.Parts = ReadParts(Required(image, "parts", "image/parts"));
            }

            private IList<BundlePart> ReadParts(XElement parts)
            {
                string? countText = (string?)parts.Attribute("count");
                if (countText == null) throw Invalid(_sourceName, "image/parts has no count attribute");
                int count = (int)Math.Min(Number(countText, "image/parts/@count"), int.MaxValue);
                var result = new List<BundlePart>();
                foreach (XElement part in Children(parts, "part"))
                {
                    string? indexText = (string?)part.Attribute("index");
                    if (indexText == null) throw Invalid(_sourceName, "an image/parts/part has no index attribute");
                    long index = Number(indexText, "image/parts/part/@index");
                    string fileName = RequiredText(part, "filename", "image/parts/part/filename");
                    PartFileNames.Check(fileName);
                    string digest = Digest(RequiredText(part, "digest", "image/parts/part/digest"), "image/parts/part/digest");
                    RequireAlgorithm(part, "digest", Sha1);
                    if (index >= int.MaxValue) throw Invalid(_sourceName, $"part index {index} is out of range");
                    result.Add(new BundlePart((int)index, fileName, digest));
                }
                if (result.Count != count)
                    throw Invalid(_sourceName, $"image/parts says count=\"{count}\" but lists {result.Count} parts");
                if (count == 0) throw Invalid(_sourceName, "image/parts lists no parts");
                result.Sort((a, b) => a.Index.CompareTo(b.Index));
                for (int i = 0; i < result.Count; i++)
                {
                    if (result[i].Index != i)
                        throw Invalid(_sourceName, $"the part indexes are not 0..{count - 1} (part {i} is missing or duplicated)");
                }
                return result;
            }

            /// <summary>
            /// Bundles are always AES-128-CBC with SHA-1 digests; the attribute may be absent, but a manifest naming
            /// another algorithm must not be decrypted or checked as if it said those.
            /// </summary>
            private void RequireAlgorithm(XElement parent, string name, string expected)
            {
                string? algorithm = (string?)Child(parent, name)?.Attribute("algorithm");
                if (algorithm != null && !string.Equals(algorithm.Trim(), expected, StringComparison.OrdinalIgnoreCase))
                {
                    throw new EucaException(ErrorIds.ManifestAlgorithmUnsupported, EucaErrorCategory.InvalidData,
                        $"The manifest '{_sourceName}' names the algorithm '{algorithm}' for {parent.Name.LocalName}/{name}; bundles use only {expected}.",
                        algorithm);
                }
            }

            private BundleImageType ImageType(string? text)
            {
                switch (text)
                {
                    case null:
                    case "machine": return BundleImageType.Machine;
                    case "kernel": return BundleImageType.Kernel;
                    case "ramdisk": return BundleImageType.Ramdisk;
                    default: throw Invalid(_sourceName, $"image/type '{text}' is not machine, kernel or ramdisk");
                }
            }

            private string Digest(string text, string path)
            {
                if (!HexEncoding.IsHex(text, 40)) throw Invalid(_sourceName, $"{path} '{text}' is not a hex SHA-1 digest");
                return text.ToLowerInvariant();
            }

            private long Number(string text, string path)
            {
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                    throw Invalid(_sourceName, $"{path} '{text}' is not a non-negative whole number");
                return value;
            }

            private XElement Required(XElement parent, string name, string path) =>
                Child(parent, name) ?? throw Invalid(_sourceName, $"the element {path} is missing");

            private string RequiredText(XElement parent, string name, string path)
            {
                string? text = Text(Required(parent, name, path));
                return string.IsNullOrEmpty(text) ? throw Invalid(_sourceName, $"the element {path} is empty") : text!;
            }

            /// <summary>
            /// The one child of that name. A second copy is refused: whichever copy a reader picked, another tool
            /// could pick the other, so the cloud and this module would disagree about what the manifest says.
            /// </summary>
            private XElement? Child(XElement? parent, string name)
            {
                XElement? found = null;
                foreach (XElement element in Children(parent, name))
                {
                    if (found != null)
                    {
                        throw new EucaException(ErrorIds.ManifestStructureInvalid, EucaErrorCategory.SecurityError,
                            $"The manifest '{_sourceName}' is refused: <{parent!.Name.LocalName}> holds more than one <{name}>.", name);
                    }
                    found = element;
                }
                return found;
            }

            private static IEnumerable<XElement> Children(XElement? parent, string name) =>
                parent == null ? Enumerable.Empty<XElement>() : parent.Elements().Where(e => e.Name.LocalName == name);

            private static string? Text(XElement? element) => element?.Value.Trim();

            public static EucaException Invalid(string sourceName, string problem) =>
                new EucaException(ErrorIds.ManifestInvalid, EucaErrorCategory.InvalidData, $"The manifest '{sourceName}' is invalid: {problem}.", sourceName);
        }
    }
}
