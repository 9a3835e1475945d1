using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// A euimage pack's YAML (pack-md.yml, image-md.yml, written by PyYAML's safe_dump) as the same JSON nodes the other
    /// generations are read from. Only YamlDotNet's event parser is used, never its object deserializer: nesting is
    /// capped here, and aliases are refused (safe_dump writes none for these documents, and expanding them is how a small
    /// hostile file becomes a huge one). Scalars stay text; the entry reader converts what it needs.
    /// </summary>
    internal static class YamlMetadata
    {
        public static JsonNode? Parse(byte[] document, string member, CatalogSource source, int maxDepth)
        {
            try
            {
                var parser = new Parser(new StringReader(new UTF8Encoding(false, true).GetString(document).TrimStart('\uFEFF')));
                parser.Consume<StreamStart>();
                if (parser.Accept<StreamEnd>(out _))
                {
                    return null;
                }

                parser.Consume<DocumentStart>();
                return ReadNode(parser, 1, member, source, maxDepth);
            }
            catch (YamlException e)
            {
                throw JsonCatalogReader.Invalid(source, $"has a {member} that is not YAML ({e.Message})", e);
            }
            catch (DecoderFallbackException e)
            {
                throw JsonCatalogReader.Invalid(source, $"has a {member} that is not UTF-8 text", e);
            }
        }

        private static JsonNode? ReadNode(IParser parser, int depth, string member, CatalogSource source, int maxDepth)
        {
            if (depth > maxDepth)
            {
                throw JsonCatalogReader.Invalid(source, $"has a {member} nested deeper than {maxDepth} levels", null);
            }

            if (parser.TryConsume<Scalar>(out Scalar? scalar))
            {
                bool isNull = scalar!.Style == ScalarStyle.Plain && (scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null" || scalar.Value == "Null" || scalar.Value == "NULL");
                return isNull ? null : JsonValue.Create(scalar.Value);
            }

            if (parser.TryConsume<SequenceStart>(out _))
            {
                var items = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, depth + 1, member, source, maxDepth));
                }

                return items;
            }

            if (parser.TryConsume<MappingStart>(out _))
            {
                var fields = new JsonObject();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    string key = parser.TryConsume<Scalar>(out Scalar? name) ? name!.Value : throw JsonCatalogReader.Invalid(source, $"has a {member} with a key that is not text", null);
                    fields[key] = ReadNode(parser, depth + 1, member, source, maxDepth);
                }

                return fields;
            }

            throw JsonCatalogReader.Invalid(source, $"has a {member} with an alias or a construct metadata never uses ({parser.Current?.GetType().Name})", null);
        }
    }
}
