using System;
using System.IO;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// The one fact an install needs from a euimage pack's pack-md.yml: the SHA-256 of the image that image.xz
    /// decompresses to. Read line by line rather than as YAML (the catalog readers parse the rest); the key is
    /// accepted nested (<c>image:</c> then <c>sha256sum:</c>) or flat (<c>image_sha256sum</c>, <c>image.sha256sum</c>).
    /// </summary>
    internal static class EuimagePackMetadata
    {
        public static CatalogChecksum? ImageChecksum(string yaml)
        {
            bool inImage = false;
            using var reader = new StringReader(yaml);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                string trimmed = line.Trim();
                bool indented = line.Length > 0 && char.IsWhiteSpace(line[0]);
                if (!indented)
                {
                    inImage = trimmed == "image:";
                }

                string? value = Value(trimmed, "image_sha256sum") ?? Value(trimmed, "image.sha256sum") ?? (inImage && indented ? Value(trimmed, "sha256sum") : null);
                if (value != null)
                {
                    return new CatalogChecksum(CatalogChecksumAlgorithm.Sha256, value.Trim('"', '\'').ToLowerInvariant());
                }
            }

            return null;
        }

        private static string? Value(string line, string key) =>
            line.StartsWith(key + ":", StringComparison.Ordinal) ? line.Substring(key.Length + 1).Trim() : null;
    }
}
