using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Auth;

/// <summary>Verifies AWS Signature Version 4 `Authorization` headers the way Eucalyptus' Hmacv4LoginModule
/// does: the region and service of the credential scope are NOT checked (Eucalyptus regions are arbitrary
/// names), and the canonical URI may be either the real path (`/services/compute`) or `/`.</summary>
public sealed class SigV4Verifier(Func<string, AccessKey?> findKey, TimeProvider time)
{
    /// <summary>How far x-amz-date may be from the server clock, as in AWS.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    private const string DateHeader = "x-amz-date";
    private const string ContentSha256Header = "x-amz-content-sha256";
    private const string SecurityTokenHeader = "x-amz-security-token";

    /// <summary>Returns the verified access key, or throws the <see cref="CloudErrorException"/> EC2 would send.</summary>
    public AccessKey Verify(SigV4Request request)
    {
        string authorizationHeader = request.SingleHeader("Authorization")
            ?? throw CloudErrors.MissingAuthenticationToken("Request is missing Authentication Token");
        SigV4Authorization authorization = SigV4Authorization.Parse(authorizationHeader);

        string amzDate = request.SingleHeader(DateHeader)
            ?? throw CloudErrors.AuthFailure("Signature Version 4 requests need an X-Amz-Date header.");
        CheckDate(amzDate, authorization);

        AccessKey key = findKey(authorization.AccessKeyId)
            ?? throw CloudErrors.AuthFailure("AWS was not able to validate the provided access credentials");
        CheckSecurityToken(request, authorization, key);

        string expected = authorization.Signature;
        byte[] signingKey = SigV4Canonicalizer.SigningKey(key.SecretAccessKey, authorization.ScopeDate,
            authorization.Region, authorization.Service);
        string realUri = SigV4Canonicalizer.CanonicalUri(request.RawPath);
        foreach (string canonicalUri in realUri == "/" ? ["/"] : new[] { realUri, "/" })
        {
            string stringToSign = SigV4Canonicalizer.StringToSign(amzDate, authorization.Scope,
                BuildCanonicalRequest(request, authorization, canonicalUri));
            string computed = SigV4Canonicalizer.Signature(signingKey, stringToSign);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(expected)))
            {
                return key;
            }
        }

        throw CloudErrors.AuthFailure(
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    /// <summary>The canonical request for one candidate URI; internal so tests can compare it with the suite.</summary>
    internal static string BuildCanonicalRequest(SigV4Request request, SigV4Authorization authorization, string canonicalUri)
    {
        var signedHeaders = new List<(string Name, IReadOnlyList<string> Values)>();
        foreach (string name in authorization.SignedHeaderNames)
        {
            IReadOnlyList<string> values = request.HeaderValues(name);
            if (values.Count == 0)
            {
                throw CloudErrors.AuthFailure($"The signed header '{name}' is not in the request.");
            }

            signedHeaders.Add((name, values));
        }

        return SigV4Canonicalizer.CanonicalRequest(
            request.Method.ToUpperInvariant(),
            canonicalUri,
            SigV4Canonicalizer.CanonicalQuery(request.RawQuery),
            SigV4Canonicalizer.CanonicalHeaders(signedHeaders),
            authorization.SignedHeaders,
            PayloadHash(request));
    }

    /// <summary>A declared x-amz-content-sha256 is used as signed, but only after checking it against the
    /// body; otherwise the body hash is computed. EC2 query requests have no unsigned or streaming bodies.</summary>
    private static string PayloadHash(SigV4Request request)
    {
        string actual = SigV4Canonicalizer.HexSha256(request.Body.Span);
        string? declared = request.SingleHeader(ContentSha256Header);
        if (declared is null)
        {
            return actual;
        }

        if (!string.Equals(declared, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudErrors.AuthFailure("The x-amz-content-sha256 header does not match the SHA-256 of the request body.");
        }

        return declared;
    }

    private void CheckDate(string amzDate, SigV4Authorization authorization)
    {
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset signedAt))
        {
            throw CloudErrors.AuthFailure($"X-Amz-Date '{amzDate}' is not in the form yyyyMMddTHHmmssZ.");
        }

        if (!amzDate.StartsWith(authorization.ScopeDate, StringComparison.Ordinal))
        {
            throw CloudErrors.AuthFailure($"The credential scope date {authorization.ScopeDate} does not match X-Amz-Date {amzDate}.");
        }

        DateTimeOffset now = time.GetUtcNow();
        if ((now - signedAt).Duration() > MaxClockSkew)
        {
            throw CloudErrors.RequestExpired(
                $"Request has expired: signed at {amzDate}, server time {now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.");
        }
    }

    /// <summary>A session token must be present exactly when the key was issued with one, and must be signed.</summary>
    private static void CheckSecurityToken(SigV4Request request, SigV4Authorization authorization, AccessKey key)
    {
        if (SessionTokenCheck.Check(request.SingleHeader(SecurityTokenHeader), key)
            && !authorization.SignedHeaderNames.Contains(SecurityTokenHeader, StringComparer.Ordinal))
        {
            throw CloudErrors.AuthFailure("The X-Amz-Security-Token header must be signed.");
        }
    }
}
