using System.Security.Cryptography;
using System.Text;

namespace Euca.Images.LocalCloud.Auth;

/// <summary>The canonical forms of Signature Version 4 (AWS "Create a canonical request"): each piece is built
/// from the wire form of the request, decoded and re-encoded with the RFC 3986 unreserved set.</summary>
public static class SigV4Canonicalizer
{
    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery,
        string canonicalHeaders, string signedHeaders, string payloadHash) =>
        $"{method}\n{canonicalUri}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{SigV4Authorization.Algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    /// <summary>The path with `.`/`..` resolved and empty segments dropped (the test suite's normalize-path
    /// cases), every segment encoded once. A trailing slash stays.</summary>
    public static string CanonicalUri(string rawPath)
    {
        var segments = new List<string>();
        foreach (string segment in rawPath.Split('/'))
        {
            string decoded = Uri.UnescapeDataString(segment);
            if (decoded.Length == 0 || decoded == ".")
            {
                continue;
            }

            if (decoded == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(Encode(decoded));
        }

        if (segments.Count == 0)
        {
            return "/";
        }

        string path = "/" + string.Join("/", segments);
        return rawPath.EndsWith('/') ? path + "/" : path;
    }

    /// <summary>Parameters sorted by encoded name, then encoded value; `name` without `=` becomes `name=`.
    /// A `+` is taken literally, as SigV4 signers encode spaces as %20.</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        string query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        var pairs = new List<(string Name, string Value)>();
        foreach (string piece in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = piece.IndexOf('=');
            string name = equals < 0 ? piece : piece[..equals];
            string value = equals < 0 ? "" : piece[(equals + 1)..];
            pairs.Add((Encode(Uri.UnescapeDataString(name)), Encode(Uri.UnescapeDataString(value))));
        }

        return string.Join("&", pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>`name:value\n` per signed header; repeated headers join with commas in arrival order, and
    /// values are trimmed with inner runs of white space collapsed to one space.</summary>
    public static string CanonicalHeaders(IEnumerable<(string Name, IReadOnlyList<string> Values)> signedHeaders)
    {
        var builder = new StringBuilder();
        foreach ((string name, IReadOnlyList<string> values) in signedHeaders)
        {
            builder.Append(name).Append(':').Append(string.Join(",", values.Select(CollapseWhiteSpace))).Append('\n');
        }

        return builder.ToString();
    }

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static byte[] SigningKey(string secretAccessKey, string scopeDate, string region, string service)
    {
        byte[] key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(scopeDate));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    public static string Signature(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    private static string CollapseWhiteSpace(string value)
    {
        var builder = new StringBuilder(value.Length);
        bool inSpace = false;
        foreach (char c in value.Trim())
        {
            bool isSpace = c is ' ' or '\t' or '\r' or '\n';
            if (isSpace && inSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            inSpace = isSpace;
        }

        return builder.ToString();
    }

    /// <summary>Percent-encodes all but the RFC 3986 unreserved characters (also what signature version 2 signs).</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
