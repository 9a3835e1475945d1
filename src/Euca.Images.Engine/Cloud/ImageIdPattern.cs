using System.Text.RegularExpressions;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Image ids: emi-/eki-/eri- (Eucalyptus 3.x/4.x) or ami-/aki-/ari- (5.x default) followed by 8 or 17 hex
    /// digits. 3.x printed them in upper case; the cloud canonicalises to lower case, and so do we.
    /// </summary>
    public static class ImageIdPattern
    {
        private static readonly Regex Pattern = new Regex("^(emi|eki|eri|ami|aki|ari)-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant);

        public static bool IsValid(string? id) => id != null && Pattern.IsMatch(id.Trim().ToLowerInvariant());

        /// <summary>The canonical (lower-case) id, or <c>ImageIdInvalid</c>.</summary>
        public static string Canonicalize(string? id)
        {
            if (!IsValid(id))
            {
                throw new EucaException(
                    ErrorIds.ImageIdInvalid,
                    EucaErrorCategory.InvalidArgument,
                    $"'{id}' is not an image id: expected emi-, eki-, eri-, ami-, aki- or ari- followed by 8 or 17 hexadecimal digits.",
                    id);
            }

            return id!.Trim().ToLowerInvariant();
        }
    }
}
