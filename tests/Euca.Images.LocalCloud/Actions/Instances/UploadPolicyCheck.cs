using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>The two checks a BundleInstance upload policy meets on Eucalyptus. The compute service looks for the
/// caller's secret key whose HMAC-SHA1 over the base64 policy text equals the signature (none: the call fails).
/// The object storage gateway later applies the policy to the uploads: expired, or not allowing acl
/// `ec2-bundle-read`, this bucket and keys under this prefix, it refuses them and the task fails.</summary>
public static class UploadPolicyCheck
{
    /// <summary>The caller's key that signed the policy, or the error Eucalyptus answers.</summary>
    public static AccessKey FindSigner(Account caller, string policyBase64, string signature)
    {
        byte[] expected = Encoding.UTF8.GetBytes(signature);
        foreach (AccessKey key in caller.AccessKeys)
        {
            byte[] computed = Encoding.UTF8.GetBytes(Convert.ToBase64String(
                HMACSHA1.HashData(Encoding.UTF8.GetBytes(key.SecretAccessKey), Encoding.UTF8.GetBytes(policyBase64))));
            if (CryptographicOperations.FixedTimeEquals(computed, expected))
            {
                return key;
            }
        }

        throw InstanceErrors.UploadPolicySignerUnknown();
    }

    /// <summary>Why object storage would refuse uploads under this policy, or null when it allows them.</summary>
    public static string? UploadRefusal(string policyBase64, string bucket, string prefix, DateTimeOffset now)
    {
        using JsonDocument policy = Parse(policyBase64);
        JsonElement root = policy.RootElement;
        if (!root.TryGetProperty("expiration", out JsonElement expiration)
            || !DateTimeOffset.TryParse(expiration.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset expires))
        {
            return "Invalid according to Policy: the policy has no valid expiration.";
        }

        if (expires <= now)
        {
            return $"Invalid according to Policy: Policy expired at {expires.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}.";
        }

        if (!root.TryGetProperty("conditions", out JsonElement conditions) || conditions.ValueKind != JsonValueKind.Array)
        {
            return "Invalid according to Policy: the policy has no conditions.";
        }

        if (!HasExact(conditions, "acl", "ec2-bundle-read"))
        {
            return "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$acl\", \"ec2-bundle-read\"]";
        }

        if (!HasExact(conditions, "bucket", bucket))
        {
            return $"Invalid according to Policy: Policy Condition failed: [\"eq\", \"$bucket\", \"{bucket}\"]";
        }

        if (!AllowsKeyPrefix(conditions, prefix))
        {
            return $"Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$key\", \"{prefix}\"]";
        }

        return null;
    }

    private static JsonDocument Parse(string policyBase64)
    {
        try
        {
            return JsonDocument.Parse(Convert.FromBase64String(policyBase64));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw CloudErrors.InvalidParameterValue("Value for parameter UploadPolicy is invalid: expected base64-encoded JSON.");
        }
    }

    /// <summary>`{"name": "value"}` in the conditions.</summary>
    private static bool HasExact(JsonElement conditions, string name, string value) =>
        conditions.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.Object
            && c.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String && v.GetString() == value);

    /// <summary>`["starts-with", "$key", P]` with the bundle prefix starting with P.</summary>
    private static bool AllowsKeyPrefix(JsonElement conditions, string prefix) =>
        conditions.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 3
            && c[0].GetString() == "starts-with" && c[1].GetString() == "$key"
            && c[2].GetString() is string allowed && prefix.StartsWith(allowed, StringComparison.Ordinal));
}
