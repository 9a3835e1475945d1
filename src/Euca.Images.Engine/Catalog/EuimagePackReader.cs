using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// A euimage pack (euca2ools 3.2+, eucalyptus.md §1.7d): a tar of pack-md.yml, image-md.yml and image.xz. It is its
    /// own one-image catalog, listed as one entry per profile of image-md.yml (euimage-install-pack installs one
    /// profile, and profiles may differ in architecture, virtualization type and description), each named
    /// <c>NAME-VERSION-RELEASE.ARCH</c> as euca2ools names the pack. image-md.yml must match the SHA-256 pack-md.yml
    /// gives for it, as euimage-install-pack checks; the image's own SHA-256 becomes the entry's checksum.
    /// </summary>
    internal static class EuimagePackReader
    {
        private const string PackMetadata = "pack-md.yml";
        private const string ImageMetadata = "image-md.yml";

        public static async Task<CatalogListing> ReadAsync(CatalogFetcher fetcher, FetchedDocument document, byte[] firstBlock, CatalogSource source, CatalogReadOptions options)
        {
            IReadOnlyDictionary<string, byte[]> members;
            using (var tar = new PackTarReader(fetcher, document, firstBlock, source, options.MaxPackMetadataBytes))
            {
                members = await tar.ReadAsync(new[] { PackMetadata, ImageMetadata }).ConfigureAwait(false);
            }

            byte[] packBytes = members.TryGetValue(PackMetadata, out byte[]? p) ? p : throw JsonCatalogReader.Invalid(source, $"is a tar without {PackMetadata}", null);
            byte[] imageBytes = members.TryGetValue(ImageMetadata, out byte[]? i) ? i : throw JsonCatalogReader.Invalid(source, $"is a tar without {ImageMetadata}", null);

            PackFacts facts;
            try
            {
                facts = ReadFacts(packBytes, imageBytes, source, options);
            }
            catch (EucaException e) when (e.Is(ErrorIds.CatalogEntryInvalid))
            {
                // The pack holds one image: what its metadata lacks makes the whole pack unreadable.
                throw JsonCatalogReader.Invalid(source, $"is a euimage pack whose metadata is incomplete ({e.Message})", e);
            }

            var images = new List<CatalogImage>();
            var errors = new List<EucaException>();
            foreach (KeyValuePair<string, JsonNode?> profile in facts.Profiles)
            {
                try
                {
                    var fields = new CatalogEntry(profile.Value ?? new JsonObject(), $"{ImageMetadata} profile '{profile.Key}'", source);
                    CatalogEntry? register = fields.OptionalObject("register");
                    var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["release"] = facts.Release };
                    if (facts.Epoch != null)
                    {
                        details["epoch"] = facts.Epoch;
                    }

                    if (register?.Optional("platform") is string platform)
                    {
                        details["platform"] = platform;
                    }

                    images.Add(new CatalogImage(facts.Nvra, source.Location, CatalogGeneration.EuimagePack, source.Name)
                    {
                        Profile = profile.Key,
                        OperatingSystem = facts.Name,
                        Version = facts.Version,
                        Architecture = register?.Optional("arch") ?? fields.OptionalObject("bundle")?.Optional("arch") ?? facts.Arch,
                        VirtualizationType = register?.Optional("virtualization-type"),
                        Description = register?.Optional("description") ?? facts.Description,
                        Format = "euimage",
                        Size = facts.ImageSize,
                        Checksum = new CatalogChecksum(CatalogChecksumAlgorithm.Sha256, facts.ImageSha256),
                        Details = details,
                    });
                }
                catch (EucaException e) when (e.Is(ErrorIds.CatalogEntryInvalid))
                {
                    errors.Add(e);
                }
            }

            return new CatalogListing(source.Name, CatalogGeneration.EuimagePack, images, errors);
        }

        private static PackFacts ReadFacts(byte[] packBytes, byte[] imageBytes, CatalogSource source, CatalogReadOptions options)
        {
            var pack = Metadata(packBytes, PackMetadata, source, options);
            var packImage = pack.OptionalObject("image") ?? throw Invalid(source, PackMetadata, "has no 'image'");
            string? metadataSha256 = pack.OptionalObject("image_metadata")?.Required("sha256sum");
            if (!string.Equals(metadataSha256, Sha256Hex(imageBytes), StringComparison.OrdinalIgnoreCase))
            {
                throw JsonCatalogReader.Invalid(source, $"is a damaged euimage pack: {ImageMetadata} does not match the SHA-256 {PackMetadata} gives for it", null);
            }

            var image = Metadata(imageBytes, ImageMetadata, source, options);
            // euca2ools (euca2ools/commands/euimage/pack/pack.py, ImagePack.build) hashes and counts the image as it
            // feeds it to xz: image.sha256sum and image.size are those of the DECOMPRESSED image, not of image.xz, and
            // euimage-install-pack (installpackedimage.py, InstallPackedImage.main) checks the decompressed bytes.
            var facts = new PackFacts
            {
                ImageSha256 = packImage.Required("sha256sum").ToLowerInvariant(),
                ImageSize = packImage.OptionalSize("size"),
                Name = image.Required("name"),
                Version = image.Required("version"),
                Release = image.Required("release"),
                Arch = image.Required("arch"),
                Epoch = image.Optional("epoch"),
                Description = image.Optional("description"),
                Profiles = image.Members("profiles"),
            };
            return facts.Profiles.Count > 0 ? facts : throw Invalid(source, ImageMetadata, "has no profiles");
        }

        /// <summary>A metadata document's top level; a field missing there makes the whole pack unreadable.</summary>
        private static CatalogEntry Metadata(byte[] bytes, string member, CatalogSource source, CatalogReadOptions options)
        {
            try
            {
                return new CatalogEntry(YamlMetadata.Parse(bytes, member, source, options.MaxDepth), member, source);
            }
            catch (EucaException e) when (e.Is(ErrorIds.CatalogEntryInvalid))
            {
                throw JsonCatalogReader.Invalid(source, $"has a {member} that is not a mapping", e);
            }
        }

        private static EucaException Invalid(CatalogSource source, string member, string problem) =>
            JsonCatalogReader.Invalid(source, $"has a {member} that {problem}", null);

        private static string Sha256Hex(byte[] data)
        {
            using (var sha = SHA256.Create())
            {
                return string.Concat(sha.ComputeHash(data).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>What a pack's two metadata documents say about its one image.</summary>
    internal sealed class PackFacts
    {
        public string ImageSha256 { get; set; } = string.Empty;

        public long? ImageSize { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Version { get; set; } = string.Empty;

        public string Release { get; set; } = string.Empty;

        public string Arch { get; set; } = string.Empty;

        public string? Epoch { get; set; }

        public string? Description { get; set; }

        public IReadOnlyList<KeyValuePair<string, JsonNode?>> Profiles { get; set; } = Array.Empty<KeyValuePair<string, JsonNode?>>();

        public string Nvra => $"{Name}-{Version}-{Release}.{Arch}";
    }
}
