using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// The three JSON generations, told apart by content, never by the URL's name: eustore by its <c>version</c>;
    /// catalog-web by entries with <c>created-date</c> (install-emis named images after it, and no other generation has
    /// it); anything else with an <c>images</c> array is read as eucalyptus-images, the current one.
    /// </summary>
    internal static class JsonCatalogReader
    {
        public static JsonCatalog Parse(byte[] document, CatalogSource source, CatalogReadOptions options)
        {
            string text;
            try
            {
                // Decoded strictly up front: the JSON nodes check a string's UTF-8 only when it is read, with an
                // exception of their own. Windows editors and PowerShell 5.1's Set-Content -Encoding UTF8 save a byte
                // order mark, which JSON has no room for.
                text = new UTF8Encoding(false, true).GetString(document).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException e)
            {
                throw Invalid(source, "is not UTF-8 text", e);
            }

            JsonNode? root;
            try
            {
                using (JsonDocument parsed = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = options.MaxDepth }))
                {
                    root = ToNode(parsed.RootElement);
                }
            }
            catch (JsonException e)
            {
                throw Invalid(source, $"is not JSON, or nests deeper than {options.MaxDepth} levels ({e.Message})", e);
            }

            if (!(root is JsonObject catalog))
            {
                throw Invalid(source, "is not a JSON object", null);
            }

            if (!catalog.TryGetPropertyValue("images", out JsonNode? imagesNode) || !(imagesNode is JsonArray images))
            {
                throw Invalid(source, "has no 'images' array", null);
            }

            var top = new CatalogEntry(catalog, "top level", source);
            string? version;
            try
            {
                version = top.Optional("version");
            }
            catch (EucaException e)
            {
                throw Invalid(source, "has a 'version' that is not text", e);
            }

            CatalogGeneration generation =
                string.Equals(version, EustoreCatalogReader.Version, StringComparison.Ordinal) ? CatalogGeneration.Eustore
                : images.Any(image => image is JsonObject fields && fields.ContainsKey("created-date")) ? CatalogGeneration.CatalogWeb
                : CatalogGeneration.EucalyptusImages;
            return new JsonCatalog(generation, version, images.ToList());
        }

        /// <summary>
        /// The document as nodes, a repeated key keeping its last value as Python's json module (which every
        /// generation's own reader used) does; JsonNode.Parse would instead throw on first use of such an object.
        /// </summary>
        private static JsonNode? ToNode(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var fields = new JsonObject();
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        fields[property.Name] = ToNode(property.Value);
                    }

                    return fields;
                case JsonValueKind.Array:
                    var items = new JsonArray();
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        items.Add(ToNode(item));
                    }

                    return items;
                case JsonValueKind.Null:
                    return null;
                default:
                    return JsonValue.Create(element.Clone());
            }
        }

        public static EucaException Invalid(CatalogSource source, string problem, Exception? inner) =>
            new EucaException(ErrorIds.CatalogInvalid, EucaErrorCategory.InvalidData,
                $"{source.Name} is not an image catalog: it {problem}.", source.Name, inner);
    }

    /// <summary>A parsed JSON catalog: its generation, top-level version and raw entries.</summary>
    internal sealed class JsonCatalog
    {
        public JsonCatalog(CatalogGeneration generation, string? version, IReadOnlyList<JsonNode?> entries)
        {
            Generation = generation;
            Version = version;
            Entries = entries;
        }

        public CatalogGeneration Generation { get; }

        public string? Version { get; }

        public IReadOnlyList<JsonNode?> Entries { get; }
    }
}
