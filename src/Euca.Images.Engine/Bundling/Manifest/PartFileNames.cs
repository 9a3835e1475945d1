using System.Linq;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// A part file name from a manifest is joined to a local directory or a bucket prefix, so it must be a bare
    /// name: a hostile manifest must never lead the unbundler or downloader out of its directory.
    /// </summary>
    internal static class PartFileNames
    {
        // '/' and '\' separate directories on one platform or the other; ':' makes drive-relative paths and
        // alternate data streams on Windows.
        private static readonly char[] Forbidden = { '/', '\\', ':' };

        public static bool IsSafe(string? name) =>
            !string.IsNullOrEmpty(name)
            && name!.IndexOfAny(Forbidden) < 0
            && !name.Contains("..")
            && name != "."
            && name.All(c => c >= ' ' && c != '\u007f')
            && name.Trim() == name;

        public static void Check(string? name)
        {
            if (!IsSafe(name))
            {
                throw new EucaException(ErrorIds.ManifestPartNameInvalid, EucaErrorCategory.InvalidData,
                    $"The part file name '{name}' is not a plain file name (it is empty, contains a path separator, ':' or '..', or control characters).",
                    name);
            }
        }
    }
}
