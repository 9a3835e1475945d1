using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// The 5.x eucalyptus-images catalog read by install-images.py (eucalyptus.md §1.7c). An entry names its download
    /// with <c>url</c>, or with <c>url-meta</c> (a JSON document, such as Fedora CoreOS' stream metadata) and
    /// <c>url-meta-regex</c> that extracts the URL from it: such an entry is <see cref="EucalyptusImagesEntry.Pending"/>
    /// until <see cref="UrlMetaResolver"/> has fetched its document, so every entry Find emits has its real URL.
    /// Entries have no version of their own; the catalog's top-level <c>version</c> stands for it.
    /// </summary>
    internal static class EucalyptusImagesReader
    {
        public static EucalyptusImagesEntry Read(CatalogEntry entry, string? catalogVersion)
        {
            string os = entry.Required("os");
            entry.NameIt(os);
            string? url = entry.Optional("url");
            string? meta = entry.Optional("url-meta");
            string? regex = entry.Optional("url-meta-regex");
            if (url == null && (meta == null || regex == null))
            {
                throw CatalogEntry.Invalid(entry.Label, "has neither a 'url' nor both 'url-meta' and 'url-meta-regex'");
            }

            var details = entry.Details("url-name", "updates");

            string? description = entry.Optional("description");
            string? login = entry.Optional("login");
            string architecture = entry.Optional("architecture") ?? "x86_64";
            string format = entry.Optional("image-format") ?? "raw";
            string source = entry.Source.Name;
            CatalogImage Build(Uri download) => new CatalogImage(os, download, CatalogGeneration.EucalyptusImages, source)
            {
                OperatingSystem = os,
                Version = catalogVersion,
                Description = description,
                LoginUser = login,
                Architecture = architecture,
                VirtualizationType = CatalogVirtualizationTypes.Hvm,
                Format = format,
                Details = details,
            };

            if (url != null)
            {
                return new EucalyptusImagesEntry(Build(entry.RequiredUrl("url")));
            }

            Uri metaUri = entry.RequiredUrl("url-meta");
            details["url-meta"] = metaUri.AbsoluteUri;
            return new EucalyptusImagesEntry(entry.Label, metaUri, regex!, Build);
        }
    }

    /// <summary>A eucalyptus-images entry: complete, or waiting for its url-meta document.</summary>
    internal sealed class EucalyptusImagesEntry
    {
        public EucalyptusImagesEntry(CatalogImage image)
        {
            Image = image;
        }

        public EucalyptusImagesEntry(string label, Uri metaUri, string metaRegex, Func<Uri, CatalogImage> build)
        {
            Label = label;
            MetaUri = metaUri;
            MetaRegex = metaRegex;
            Build = build;
        }

        public CatalogImage? Image { get; }

        public bool Pending => Image == null;

        public string? Label { get; }

        public Uri? MetaUri { get; }

        public string? MetaRegex { get; }

        public Func<Uri, CatalogImage>? Build { get; }
    }
}
