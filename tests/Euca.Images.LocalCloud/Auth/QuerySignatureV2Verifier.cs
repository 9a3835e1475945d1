using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Auth;

/// <summary>
/// Verifies EC2 query requests signed with signature version 2 (`AWSAccessKeyId`, `SignatureVersion=2`,
/// `SignatureMethod=HmacSHA256|HmacSHA1`, `Timestamp` or `Expires`, and `Signature` among the parameters, no
/// Authorization header), as euca2ools 3.x, boto 2 and the ec2-api-tools send them. Eucalyptus 4.4 accepts them
/// (msgs HmacUtils.detectSignatureVariant picks SignatureV2Standard), and so must a cloud that stands in for it.
/// The rules are Eucalyptus':
/// - Hmacv2LoginModule.makeSubjectString: "METHOD\nhost\npath\n" + every parameter but Signature, sorted by name,
///   each name and value percent-encoded with the RFC 3986 unreserved set, joined with `&amp;`. The host is tried
///   without and with its port, and the path as sent and as the AWS CLI signs it (no trailing slash, lower case).
/// - HmacLoginModuleSupport.sanitize: `=` padding is ignored when the signatures are compared.
/// - HmacUtils.SignatureV2Standard.getSignatureMethod: SignatureMethod defaults to HmacSHA1.
/// - QueryTimestampHandler: a Timestamp may be at most 20 s in the future (CLOCK_SKEW_SEC) and is good for 15 min
///   plus that skew; an Expires must not have passed.
/// - A key issued with a session token needs it as the SecurityToken parameter (HmacUtils getSecurityToken).
/// </summary>
public sealed class QuerySignatureV2Verifier(Func<string, AccessKey?> findKey, TimeProvider time)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan TimestampLifetime = TimeSpan.FromMinutes(15);

    /// <summary>True when the request carries a query signature rather than an Authorization header.</summary>
    public static bool IsQuerySigned(QueryParameters parameters) =>
        parameters.Get("Signature") is not null || parameters.Get("SignatureVersion") is not null;

    /// <summary>Returns the verified access key, or throws the error EC2 would send.</summary>
    public AccessKey Verify(string method, string hostHeader, string rawPath, QueryParameters parameters)
    {
        string? version = parameters.Get("SignatureVersion");
        if (version != "2")
        {
            throw CloudErrors.AuthFailure($"Signature version {version ?? "(none)"} is not supported; use SignatureVersion=2 or Signature Version 4.");
        }

        string keyId = parameters.Get("AWSAccessKeyId") ?? throw CloudErrors.AuthFailure("Missing required parameter: AWSAccessKeyId");
        string signature = parameters.Get("Signature") ?? throw CloudErrors.AuthFailure("Missing required parameter: Signature");
        Func<byte[], byte[], byte[]> hmac = parameters.Get("SignatureMethod") switch
        {
            null or "HmacSHA1" => HMACSHA1.HashData,
            "HmacSHA256" => HMACSHA256.HashData,
            string other => throw CloudErrors.AuthFailure($"Invalid signature method: {other}"),
        };
        CheckTime(parameters);

        AccessKey key = findKey(keyId) ?? throw CloudErrors.AuthFailure("AWS was not able to validate the provided access credentials");
        SessionTokenCheck.Check(parameters.Get("SecurityToken"), key);

        byte[] secret = Encoding.UTF8.GetBytes(key.SecretAccessKey);
        string expected = signature.TrimEnd('=');
        foreach (string stringToSign in Candidates(method, hostHeader, rawPath, parameters))
        {
            string computed = Convert.ToBase64String(hmac(secret, Encoding.UTF8.GetBytes(stringToSign))).TrimEnd('=');
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(expected)))
            {
                return key;
            }
        }

        throw CloudErrors.AuthFailure(
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    /// <summary>The string a version 2 signer signs; internal so tests can sign requests the same way.</summary>
    internal static string StringToSign(string method, string host, string path, IEnumerable<KeyValuePair<string, string>> parameters) =>
        $"{method.ToUpperInvariant()}\n{host.ToLowerInvariant()}\n{path}\n" + string.Join("&", parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => SigV4Canonicalizer.Encode(p.Key) + "=" + SigV4Canonicalizer.Encode(p.Value)));

    private static IEnumerable<string> Candidates(string method, string hostHeader, string rawPath, QueryParameters parameters)
    {
        string path = rawPath.Length == 0 ? "/" : Uri.UnescapeDataString(rawPath);
        string awsCliPath = (path.Length > 1 ? path.TrimEnd('/') : path).ToLowerInvariant();
        int colon = hostHeader.LastIndexOf(':');
        string hostWithoutPort = colon > 0 && !hostHeader.EndsWith(']') ? hostHeader[..colon] : hostHeader;
        var pairs = parameters.Names.Select(n => new KeyValuePair<string, string>(n, parameters.Get(n)!)).ToList();
        foreach (string host in new[] { hostWithoutPort, hostHeader }.Distinct())
        {
            foreach (string candidatePath in new[] { path, awsCliPath }.Distinct())
            {
                yield return StringToSign(method, host, candidatePath, pairs);
            }
        }
    }

    private void CheckTime(QueryParameters parameters)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (parameters.Get("Timestamp") is { } timestampText)
        {
            DateTimeOffset timestamp = ParseTime(timestampText, "Timestamp");
            if (timestamp > now + ClockSkew)
            {
                throw CloudErrors.AuthFailure($"Message was generated in the future (times in UTC): Timestamp={timestampText}");
            }

            if (now > timestamp + TimestampLifetime + ClockSkew)
            {
                throw CloudErrors.RequestExpired($"Message has expired (times in UTC): Timestamp={timestampText}");
            }
        }
        else if (parameters.Get("Expires") is { } expiresText)
        {
            if (now > ParseTime(expiresText, "Expires"))
            {
                throw CloudErrors.RequestExpired($"Message has expired (times in UTC): Expires={expiresText}");
            }
        }
        else
        {
            throw CloudErrors.AuthFailure("One of the following parameters must be specified: Timestamp OR Expires OR X-Amz-Date OR Date");
        }
    }

    private static DateTimeOffset ParseTime(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed)
            ? parsed
            : throw CloudErrors.AuthFailure($"Failure to parse timestamp: {name}={text}");
}
