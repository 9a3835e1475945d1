using System;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// The catalog being read, and the rule for the URLs its entries name: relative ones resolve against the catalog
    /// (eustore's <c>url</c> usually is relative); only http and https are downloads, and file URLs only in a catalog
    /// that is itself a local file, so a catalog on the web can never point an install at the reader's own files.
    /// </summary>
    internal sealed class CatalogSource
    {
        public CatalogSource(Uri location)
        {
            Location = location;
            Name = CatalogFetcher.Show(location);
        }

        public Uri Location { get; }

        /// <summary>What <see cref="CatalogImage.Catalog"/> says: the URL (without user information) or the file's path.</summary>
        public string Name { get; }

        public Uri ResolveDownload(string text, string label, string field) =>
            TryResolve(Location, text, out Uri? uri) ? uri! : throw CatalogEntry.Invalid(label, $"has a '{field}' ('{CatalogEntry.Shown(text)}') that is not an http or https URL{(Location.IsFile ? " or a file" : string.Empty)}");

        /// <summary>Resolves <paramref name="text"/> against <paramref name="baseUri"/> and accepts it when its scheme is allowed there.</summary>
        private static bool TryResolve(Uri baseUri, string text, out Uri? resolved)
        {
            resolved = null;
            if (!Uri.TryCreate(baseUri, text, out Uri? uri))
            {
                return false;
            }

            bool allowed = uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || (uri.IsFile && baseUri.IsFile);
            resolved = allowed ? uri : null;
            return allowed;
        }

        /// <summary>Accepts a location a user gives: an absolute http, https or file URL.</summary>
        public static Uri ParseLocation(string text, string origin)
        {
            if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.IsFile))
            {
                return uri;
            }

            throw new EucaException(ErrorIds.CatalogUriInvalid, EucaErrorCategory.InvalidArgument,
                $"The catalog location '{text}' from {origin} is not an absolute http, https or file URL; use -Path for a local file.", text);
        }
    }
}
