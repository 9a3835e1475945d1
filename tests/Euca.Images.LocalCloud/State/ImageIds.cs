using System.Text.RegularExpressions;

namespace Euca.Images.LocalCloud.State;

/// <summary>Image id syntax: emi-/eki-/eri- (and the 5.x ami-/aki-/ari- family) followed by 8 (short) or 17
/// (long) hex digits. Eucalyptus 4.x canonicalizes ids to lower case before looking them up.</summary>
public static partial class ImageIds
{
    [GeneratedRegex("^(emi|eki|eri|ami|aki|ari)-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex CanonicalPattern();

    /// <summary>Returns the canonical (lower-case) id, or null when the text is not an image id.</summary>
    public static string? Canonicalize(string id)
    {
        string lower = id.ToLowerInvariant();
        return CanonicalPattern().IsMatch(lower) ? lower : null;
    }

    /// <summary>The image type an id prefix denotes: e?i/a?i with m=machine, k=kernel, r=ramdisk.</summary>
    public static string ImageTypeOf(string canonicalId) => canonicalId[1] switch
    {
        'k' => "kernel",
        'r' => "ramdisk",
        _ => "machine",
    };
}
