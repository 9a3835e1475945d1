using System;
using Euca.Images.Engine.Configuration;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Where the catalog is, in this order: the -Uri parameter, the <c>EUSTORE_URL</c> environment variable, the
    /// euca2ools configuration's <c>eustore-url</c> (the selected region's, else [global]), and the 5.x catalog's
    /// published URL. eustore read <c>EUSTORE_URL</c> as a base to which it appended <c>catalog</c>; so a URL whose path
    /// is empty or ends in '/' names such a base and gets <c>catalog</c> appended, and any other URL names the catalog
    /// (or euimage pack) itself, whatever its source.
    /// </summary>
    public sealed class CatalogLocation
    {
        /// <summary>The catalog install-images.py reads by default (eucalyptus.md §1.7c).</summary>
        public const string DefaultUrl = "https://raw.githubusercontent.com/sjones4/eucalyptus-extras/master/images/image-catalog.json";

        private CatalogLocation(Uri uri, string origin)
        {
            Uri = uri;
            Origin = origin;
        }

        public Uri Uri { get; }

        /// <summary>The location as messages show it: without user information, which may hold a password.</summary>
        public string Display => CatalogFetcher.Show(Uri);

        /// <summary>Which source gave the location, for verbose output.</summary>
        public string Origin { get; }

        public static CatalogLocation Find(string? parameter, ConfigurationEnvironment environment)
        {
            if (!string.IsNullOrWhiteSpace(parameter))
            {
                return Create(parameter!, "parameter -Uri");
            }

            if (environment.Get("EUSTORE_URL") is string variable)
            {
                return Create(variable, "environment EUSTORE_URL");
            }

            if (Euca2oolsSource.RegionOrGlobalOption("eustore-url", environment) is (string value, string where))
            {
                return Create(value, where);
            }

            return Create(DefaultUrl, "the published eucalyptus-images catalog");
        }

        private static CatalogLocation Create(string text, string origin)
        {
            Uri uri = CatalogSource.ParseLocation(text, origin);
            bool isBase = !uri.IsFile && (uri.AbsolutePath.Length == 0 || uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal));
            return new CatalogLocation(isBase ? new Uri(uri, "catalog") : uri, origin);
        }
    }
}
