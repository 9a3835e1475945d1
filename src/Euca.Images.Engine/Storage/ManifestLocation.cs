using System;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Where a bundle's manifest is stored: <c>bucket/key</c> with a key ending in <c>.manifest.xml</c>, the form
    /// RegisterImage takes as ImageLocation. The key's folder part is the key prefix the parts share.
    /// </summary>
    public sealed class ManifestLocation
    {
        public const string ManifestSuffix = ".manifest.xml";

        private ManifestLocation(string bucket, string key)
        {
            Bucket = bucket;
            Key = key;
            int slash = key.LastIndexOf('/');
            KeyPrefix = slash < 0 ? string.Empty : key.Substring(0, slash + 1);
            ManifestName = key.Substring(slash + 1);
            BundlePrefix = ManifestName.Substring(0, ManifestName.Length - ManifestSuffix.Length);
        }

        public string Bucket { get; }

        /// <summary>The manifest's object key, for example <c>images/centos7.img.manifest.xml</c>.</summary>
        public string Key { get; }

        /// <summary>The folder part of the key, empty or ending in a slash (<c>images/</c>).</summary>
        public string KeyPrefix { get; }

        /// <summary>The manifest's file name (<c>centos7.img.manifest.xml</c>).</summary>
        public string ManifestName { get; }

        /// <summary>The bundle's name: the manifest's file name without <c>.manifest.xml</c>.</summary>
        public string BundlePrefix { get; }

        /// <summary>The object key of a file stored beside the manifest (a part).</summary>
        public string KeyFor(string fileName) => KeyPrefix + fileName;

        public static ManifestLocation Create(string bucket, string keyPrefix, string bundlePrefix) =>
            Parse(bucket + "/" + NormalizeKeyPrefix(keyPrefix) + BundleNames.ManifestFileName(bundlePrefix));

        /// <summary>A key prefix as euca2ools uses it: empty, or ending in exactly one slash.</summary>
        public static string NormalizeKeyPrefix(string? keyPrefix)
        {
            string trimmed = (keyPrefix ?? string.Empty).Trim('/');
            return trimmed.Length == 0 ? string.Empty : trimmed + "/";
        }

        public static ManifestLocation Parse(string location)
        {
            string value = (location ?? string.Empty).Trim();
            int slash = value.IndexOf('/');
            string bucket = slash < 0 ? string.Empty : value.Substring(0, slash);
            string key = slash < 0 ? string.Empty : value.Substring(slash + 1);
            string name = key.Substring(key.LastIndexOf('/') + 1);
            if (bucket.Length == 0 || !key.EndsWith(ManifestSuffix, StringComparison.Ordinal) || name.Length <= ManifestSuffix.Length
                || key.StartsWith("/", StringComparison.Ordinal) || key.IndexOf("//", StringComparison.Ordinal) >= 0)
            {
                throw new EucaException(ErrorIds.ManifestLocationInvalid, EucaErrorCategory.InvalidArgument,
                    $"'{location}' is not a manifest location: expected 'bucket/[prefix/]name.manifest.xml', as Send-EucaBundle reports it.", location);
            }

            return new ManifestLocation(bucket, key);
        }

        public override string ToString() => Bucket + "/" + Key;
    }
}
