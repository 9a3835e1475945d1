using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>File names of a bundle: <c>PREFIX.manifest.xml</c> and <c>PREFIX.part.NN</c>.</summary>
    public static class BundleNames
    {
        public static string ManifestFileName(string prefix) => prefix + ".manifest.xml";

        /// <summary>
        /// Where a converted manifest goes by default: <c>PREFIX.converted.manifest.xml</c> beside the original, so the
        /// original is kept and the parts, which the manifest names by file name, are still beside it.
        /// </summary>
        public static string ConvertedManifestFileName(string manifestFileName)
        {
            const string suffix = ".manifest.xml";
            string prefix = manifestFileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                ? manifestFileName.Substring(0, manifestFileName.Length - suffix.Length)
                : manifestFileName;
            return ManifestFileName(prefix + ".converted");
        }

        /// <summary>
        /// The prefix becomes file names here and object keys in storage, and is the name of the unbundled file, so
        /// it must be a plain file name.
        /// </summary>
        public static void CheckPrefix(string prefix)
        {
            if (string.IsNullOrWhiteSpace(prefix) || prefix == "." || prefix == ".." ||
                prefix.IndexOfAny(new[] { '/', '\\', ':' }) >= 0 || prefix.Any(char.IsControl))
            {
                throw new EucaException(ErrorIds.BundlePrefixInvalid, EucaErrorCategory.InvalidArgument,
                    $"The bundle prefix '{prefix}' must be a plain file name without path separators.", prefix);
            }
        }

        /// <summary>True for a part file name of this prefix, in either euca2ools' or ec2-ami-tools' numbering.</summary>
        public static bool IsPartOf(string fileName, string prefix) =>
            fileName.StartsWith(prefix + ".part.", StringComparison.Ordinal) &&
            Regex.IsMatch(fileName.Substring(prefix.Length + 6), "^[0-9]+$");

        /// <summary>
        /// A leftover bundle of the same prefix would mix with the new one (old higher-numbered parts stay behind), so
        /// it is refused, or removed first when the caller forces.
        /// </summary>
        public static void ClearOrRefuseExisting(string directory, string prefix, bool force)
        {
            string manifest = Path.Combine(directory, ManifestFileName(prefix));
            string[] parts = Directory.EnumerateFiles(directory, prefix + ".part.*")
                .Where(path => IsPartOf(Path.GetFileName(path), prefix)).ToArray();
            if (!File.Exists(manifest) && parts.Length == 0)
            {
                return;
            }

            if (!force)
            {
                throw new EucaException(ErrorIds.BundleExists, EucaErrorCategory.ResourceExists,
                    $"A bundle named '{prefix}' already exists in '{directory}'. Use -Force to replace it, or choose another -Prefix or -Destination.",
                    File.Exists(manifest) ? manifest : parts[0]);
            }

            File.Delete(manifest);
            foreach (string part in parts)
            {
                File.Delete(part);
            }
        }
    }
}
