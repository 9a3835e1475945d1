using System;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Import
{
    /// <summary>Where an import's manifest lives: bucket and key, as found in a task's ImportManifestUrl.</summary>
    public sealed class ImportLocation
    {
        public ImportLocation(string bucket, string manifestKey)
        {
            Bucket = bucket;
            ManifestKey = manifestKey;
        }

        public string Bucket { get; }

        public string ManifestKey { get; }

        /// <summary>The folder of the manifest and its parts (<c>[prefix/]UUID/</c>).</summary>
        public string Folder => ManifestKey.Contains("/") ? ManifestKey.Substring(0, ManifestKey.LastIndexOf('/') + 1) : "";

        public override string ToString() => Bucket + "/" + ManifestKey;

        /// <summary>
        /// Recovers bucket and key from a path-style manifest URL: the URL path minus the object-storage endpoint's
        /// path, then <c>/bucket/key</c>. A URL on another host or path fails with <c>ImportManifestUrlForeign</c>.
        /// </summary>
        public static ImportLocation FromManifestUrl(Uri manifestUrl, Uri objectStorageEndpoint)
        {
            string basePath = objectStorageEndpoint.AbsolutePath.TrimEnd('/');
            string path = manifestUrl.AbsolutePath;
            bool sameServer = string.Equals(manifestUrl.GetLeftPart(UriPartial.Authority), objectStorageEndpoint.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
            if (!sameServer || !path.StartsWith(basePath + "/", StringComparison.Ordinal))
            {
                throw new EucaException(ErrorIds.ImportManifestUrlForeign, EucaErrorCategory.InvalidData,
                    $"The task's manifest URL {manifestUrl.GetLeftPart(UriPartial.Path)} is not on the object storage endpoint {objectStorageEndpoint}; connect with the object storage URL the import used.",
                    manifestUrl.GetLeftPart(UriPartial.Path));
            }

            string rest = path.Substring(basePath.Length + 1);
            int slash = rest.IndexOf('/');
            if (slash <= 0 || slash == rest.Length - 1)
            {
                throw new EucaException(ErrorIds.ImportManifestUrlInvalid, EucaErrorCategory.InvalidData,
                    $"The task's manifest URL {manifestUrl.GetLeftPart(UriPartial.Path)} names no bucket and key.", manifestUrl.GetLeftPart(UriPartial.Path));
            }

            return new ImportLocation(Uri.UnescapeDataString(rest.Substring(0, slash)), Uri.UnescapeDataString(rest.Substring(slash + 1)));
        }
    }
}
