using System.Text.RegularExpressions;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>Instance (`i-`) and bundle task (`bun-`) ids: 8 or 17 hex digits, canonicalized to lower case.
/// Eucalyptus derives a bundle id from its instance id by swapping the prefix.</summary>
public static partial class InstanceIds
{
    [GeneratedRegex("^(i|bun)-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex Pattern();

    public static string Instance(string id) =>
        Canonical(id, "i") ?? throw InstanceErrors.InstanceIdMalformed(id);

    public static string Bundle(string id) =>
        Canonical(id, "bun") ?? throw InstanceErrors.BundleIdMalformed(id);

    public static string BundleIdOf(string instanceId) => "bun-" + instanceId["i-".Length..];

    private static string? Canonical(string id, string prefix)
    {
        string lower = id.ToLowerInvariant();
        Match match = Pattern().Match(lower);
        return match.Success && match.Groups[1].Value == prefix ? lower : null;
    }
}
