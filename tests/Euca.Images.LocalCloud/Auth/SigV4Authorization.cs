using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Auth;

/// <summary>The parsed `Authorization: AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request,
/// SignedHeaders=a;b;c, Signature=hex` header.</summary>
public sealed record SigV4Authorization(
    string AccessKeyId,
    string ScopeDate,
    string Region,
    string Service,
    string SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{ScopeDate}/{Region}/{Service}/aws4_request";

    public IReadOnlyList<string> SignedHeaderNames => SignedHeaders.Split(';');

    /// <summary>Parses the header value; a malformed value is an AuthFailure, as nothing can be verified.</summary>
    public static SigV4Authorization Parse(string header)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw CloudErrors.AuthFailure($"Only {Algorithm} (Signature Version 4) Authorization headers are accepted.");
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in header[(Algorithm.Length + 1)..].Split(','))
        {
            string trimmed = part.Trim();
            int equals = trimmed.IndexOf('=');
            if (equals <= 0)
            {
                throw Malformed();
            }

            parts[trimmed[..equals]] = trimmed[(equals + 1)..];
        }

        if (!parts.TryGetValue("Credential", out string? credential)
            || !parts.TryGetValue("SignedHeaders", out string? signedHeaders)
            || !parts.TryGetValue("Signature", out string? signature)
            || signedHeaders.Length == 0
            || signature.Length == 0)
        {
            throw Malformed();
        }

        string[] scope = credential.Split('/');
        if (scope.Length != 5 || scope[0].Length == 0 || scope[1].Length != 8 || scope[4] != "aws4_request")
        {
            throw CloudErrors.AuthFailure("The Credential of the Authorization header is not AKID/yyyyMMdd/region/service/aws4_request.");
        }

        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], signedHeaders, signature);
    }

    private static CloudErrorException Malformed() =>
        CloudErrors.AuthFailure("The Authorization header must contain Credential, SignedHeaders and Signature.");
}
