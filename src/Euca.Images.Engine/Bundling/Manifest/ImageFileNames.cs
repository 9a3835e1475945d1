using System.IO;
using System.Linq;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// A manifest's image name becomes the unbundled file's name and the prefix its part files are found by, so it
    /// must be a plain file name: never a path out of the destination, never control characters.
    /// </summary>
    internal static class ImageFileNames
    {
        public static void Check(string name)
        {
            bool plain = name.Length > 0 && name == Path.GetFileName(name) && name != "." && name != ".."
                && name.All(c => c >= ' ' && c != '\u007f');
            if (!plain)
            {
                throw new EucaException(ErrorIds.ManifestImageNameInvalid, EucaErrorCategory.SecurityError,
                    $"The manifest names the image '{name}', which is not a plain file name; it is refused so that nothing is written outside the destination.",
                    name);
            }
        }
    }
}
