using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Tags;

/// <summary>What Eucalyptus 4.4 accepts as tags (tags/Tag.java, TagManager.java, as EC2): a key of 1 to 128
/// characters that does not start with the reserved `aws:` or `euca:`, a value of at most 256 characters, and at
/// most 10 tags per resource (TagLimitExceeded).</summary>
public static class TagRules
{
    public const int MaxTagsPerResource = 10;

    public static void CheckKey(string key)
    {
        if (key.Length is 0 or > 128)
        {
            throw CloudErrors.InvalidParameterValue($"Tag key '{key}' must be 1 to 128 characters.");
        }

        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("euca:", StringComparison.OrdinalIgnoreCase))
        {
            throw CloudErrors.InvalidParameterValue($"Tag key '{key}' uses a reserved prefix (aws: or euca:).");
        }
    }

    public static void CheckValue(string key, string value)
    {
        if (value.Length > 256)
        {
            throw CloudErrors.InvalidParameterValue($"The value of tag '{key}' is longer than 256 characters.");
        }
    }

    public static void CheckCount(string resourceId, IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count > MaxTagsPerResource)
        {
            throw new CloudErrorException(400, "TagLimitExceeded", $"The resource '{resourceId}' would have {tags.Count} tags; at most {MaxTagsPerResource} are allowed.");
        }
    }
}
