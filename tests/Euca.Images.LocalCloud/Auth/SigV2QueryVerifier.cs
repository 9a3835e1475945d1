using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Euca.Images.LocalCloud.State;
using Microsoft.AspNetCore.WebUtilities;

namespace Euca.Images.LocalCloud.Auth;

/// <summary>Checks an S3 signature-version-2 pre-signed URL (AWSAccessKeyId, Expires, Signature) the way the
/// object storage gateway does for the imaging worker: the URL must point into the cloud's object storage, must not
/// have expired, must be signed by a key of the importing account, and the HMAC-SHA1 over
/// "METHOD\n\n\nEXPIRES\n[x-amz-security-token:T\n]/bucket/key" must match. s3rver cannot check this itself.</summary>
public static class SigV2QueryVerifier
{
    /// <summary>Null when the URL is good for <paramref name="method"/>, else the reason it is not.</summary>
    public static string? Check(string url, string method, Uri objectStorage, Account account, DateTimeOffset now)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return $"'{url}' is not a URL";
        }

        string basePath = objectStorage.AbsolutePath.TrimEnd('/');
        if (!string.Equals(uri.GetLeftPart(UriPartial.Authority), objectStorage.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            || !uri.AbsolutePath.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            return $"{uri.GetLeftPart(UriPartial.Path)} is not in this cloud's object storage";
        }

        Dictionary<string, string> query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (!query.TryGetValue("AWSAccessKeyId", out string? keyId) || !query.TryGetValue("Expires", out string? expires)
            || !query.TryGetValue("Signature", out string? signature))
        {
            return $"{uri.GetLeftPart(UriPartial.Path)} is not pre-signed (AWSAccessKeyId, Expires and Signature are required)";
        }

        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out long expiresAt))
        {
            return $"Expires '{expires}' is not a number";
        }

        if (DateTimeOffset.FromUnixTimeSeconds(expiresAt) < now)
        {
            return $"the pre-signed URL for {uri.AbsolutePath} expired at {DateTimeOffset.FromUnixTimeSeconds(expiresAt):u}";
        }

        AccessKey? key = account.AccessKeys.FirstOrDefault(k => k.AccessKeyId == keyId);
        if (key is null)
        {
            return $"the URL for {uri.AbsolutePath} is signed with access key {keyId}, which is not a key of account {account.AccountId}";
        }

        string resource = uri.AbsolutePath[basePath.Length..];
        string tokenLine = query.TryGetValue("x-amz-security-token", out string? token) ? $"x-amz-security-token:{token}\n" : "";
        string expected = Sign(key.SecretAccessKey, $"{method}\n\n\n{expires}\n{tokenLine}{resource}");
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : $"the signature of the {method} URL for {uri.AbsolutePath} does not match (SignatureDoesNotMatch)";
    }

    public static string Sign(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));
}
