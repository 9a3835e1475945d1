using System.Text.RegularExpressions;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Images
{
    /// <summary>
    /// Eucalyptus' rules for image names and descriptions (ImageManager.verifyImageNameAndDescription), checked
    /// before anything is sent so the user learns the rule rather than a bare InvalidAMIName.Malformed.
    /// </summary>
    public static class ImageNameRules
    {
        private static readonly Regex NamePattern = new Regex(@"^[A-Za-z0-9()./_-]{3,128}$", RegexOptions.CultureInvariant);

        public static void Check(string? name, string? description)
        {
            if (name == null || !NamePattern.IsMatch(name))
            {
                throw new EucaException(
                    ErrorIds.ImageNameInvalid,
                    EucaErrorCategory.InvalidArgument,
                    $"'{name}' is not a valid image name: use 3 to 128 characters, letters, digits and ( ) . - / _ only.",
                    name);
            }

            if (description != null && description.Length > 255)
            {
                throw new EucaException(
                    ErrorIds.ImageDescriptionTooLong,
                    EucaErrorCategory.InvalidArgument,
                    $"The image description has {description.Length} characters; Eucalyptus accepts at most 255.",
                    description);
            }
        }
    }
}
