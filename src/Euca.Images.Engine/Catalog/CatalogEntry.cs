using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// One entry of a catalog's <c>images</c> array (or a pack's metadata) read field by field: unknown fields are
    /// ignored, as every generation's own reader did; a required field that is missing or of the wrong type is a
    /// <c>CatalogEntryInvalid</c> naming the entry, so one bad entry never hides the others.
    /// </summary>
    internal sealed class CatalogEntry
    {
        private readonly JsonObject _fields;

        public CatalogEntry(JsonNode? node, string label, CatalogSource source)
        {
            Label = label;
            Source = source;
            _fields = node as JsonObject ?? throw Invalid(label, "is not an object");
        }

        /// <summary>How errors name the entry: its position, and its name once known.</summary>
        public string Label { get; private set; }

        public CatalogSource Source { get; }

        /// <summary>
        /// Names the entry in later errors by <paramref name="name"/> as well as by its position, <see cref="Shown"/>: a
        /// hostile catalog could otherwise write terminal escapes or megabytes into messages.
        /// </summary>
        public void NameIt(string name) => Label = $"{Label} ('{Shown(name)}')";

        /// <summary>Catalog text as messages may show it: at most 100 characters, control characters as '?'.</summary>
        public static string Shown(string text) =>
            new string(text.Take(100).Select(c => char.IsControl(c) ? '?' : c).ToArray()) + (text.Length > 100 ? "..." : string.Empty);

        public string Required(string key) => Optional(key) ?? throw Invalid(Label, $"has no '{key}'");

        /// <summary>A text field; numbers and booleans are taken as their JSON text (YAML scalars arrive as text anyway).</summary>
        public string? Optional(string key)
        {
            if (!_fields.TryGetPropertyValue(key, out JsonNode? node) || node is null)
            {
                return null;
            }

            string? text = TextOf(node);
            if (text != null)
            {
                return text.Trim().Length == 0 ? null : text.Trim();
            }

            throw Invalid(Label, $"has a '{key}' that is not text");
        }

        /// <summary>Those of <paramref name="keys"/> the entry has, as text: what a reader keeps in <see cref="CatalogImage.Details"/>.</summary>
        public Dictionary<string, string> OptionalDetails(params string[] keys)
        {
            var details = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string key in keys)
            {
                if (Optional(key) is string value)
                {
                    details[key] = value;
                }
            }

            return details;
        }

        public IReadOnlyList<string> OptionalList(string key)
        {
            if (!_fields.TryGetPropertyValue(key, out JsonNode? node) || node is null)
            {
                return Array.Empty<string>();
            }

            if (node is JsonArray array && array.All(item => TextOf(item) != null))
            {
                return array.Select(item => TextOf(item)!.Trim()).ToList();
            }

            throw Invalid(Label, $"has a '{key}' that is not a list of text");
        }

        public bool? OptionalBoolean(string key)
        {
            string? text = Optional(key);
            if (text == null)
            {
                return null;
            }

            // eustore wrote Python's "True"/"False"; YAML and JSON write true/false.
            return bool.TryParse(text, out bool value) ? value : throw Invalid(Label, $"has a '{key}' that is neither true nor false");
        }

        public long? OptionalSize(string key)
        {
            string? text = Optional(key);
            if (text == null)
            {
                return null;
            }

            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long size) ? size : throw Invalid(Label, $"has a '{key}' that is not a size in bytes");
        }

        /// <summary>A nested object (a pack's <c>image</c> or a profile's <c>register</c>); null when absent.</summary>
        public CatalogEntry? OptionalObject(string key)
        {
            if (!_fields.TryGetPropertyValue(key, out JsonNode? node) || node is null)
            {
                return null;
            }

            return node is JsonObject ? new CatalogEntry(node, $"{Label}, '{key}'", Source) : throw Invalid(Label, $"has a '{key}' that is not a mapping");
        }

        /// <summary>The members of a nested object, in document order.</summary>
        public IReadOnlyList<KeyValuePair<string, JsonNode?>> Members(string key)
        {
            if (!_fields.TryGetPropertyValue(key, out JsonNode? node) || node is null)
            {
                return Array.Empty<KeyValuePair<string, JsonNode?>>();
            }

            return node is JsonObject members ? members.ToList() : throw Invalid(Label, $"has a '{key}' that is not a mapping");
        }

        /// <summary>A download URL, resolved against the catalog when relative; see <see cref="CatalogSource.ResolveDownload"/>.</summary>
        public Uri RequiredUrl(string key) => Source.ResolveDownload(Required(key), Label, key);

        public static EucaException Invalid(string label, string problem) =>
            new EucaException(ErrorIds.CatalogEntryInvalid, EucaErrorCategory.InvalidData, $"The catalog's {label} {problem}; it is skipped.", label);

        /// <summary>A scalar as text: a string as it is, a number or boolean as its JSON text; null for anything else.</summary>
        private static string? TextOf(JsonNode? node)
        {
            switch (node?.GetValueKind())
            {
                case JsonValueKind.String:
                    return node.GetValue<string>();
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return node.ToJsonString();
                default:
                    return null;
            }
        }
    }
}
