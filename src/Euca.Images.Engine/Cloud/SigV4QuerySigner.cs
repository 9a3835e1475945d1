using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// AWS Signature Version 4 (Authorization header form) for query-protocol calls the AWS SDK has no client
    /// for, such as the Eucalyptus bootstrap service. Every header passed in is signed; <c>host</c>,
    /// <c>x-amz-date</c> and, with a session token, <c>x-amz-security-token</c> are added when missing.
    /// </summary>
    public sealed class SigV4QuerySigner
    {
        private const string Algorithm = "AWS4-HMAC-SHA256";
        private readonly string _accessKey;
        private readonly string _secretKey;
        private readonly string? _sessionToken;

        public SigV4QuerySigner(string accessKey, string secretKey, string? sessionToken, string region, string service)
        {
            _accessKey = accessKey ?? throw new ArgumentNullException(nameof(accessKey));
            _secretKey = secretKey ?? throw new ArgumentNullException(nameof(secretKey));
            _sessionToken = sessionToken;
            Region = region ?? throw new ArgumentNullException(nameof(region));
            Service = service ?? throw new ArgumentNullException(nameof(service));
        }

        public string Region { get; }

        public string Service { get; }

        /// <summary>
        /// A signed query-protocol call: a POST of the form-encoded <paramref name="body"/> to <paramref name="endpoint"/>
        /// with every signed header set (HttpClient sets host itself, from the URI).
        /// </summary>
        public HttpRequestMessage SignedFormPost(Uri endpoint, byte[] body, DateTime utcNow)
        {
            const string contentType = "application/x-www-form-urlencoded; charset=utf-8";
            var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["content-type"] = contentType };
            string authorization = Sign("POST", endpoint, headers, body, utcNow);
            var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            foreach (var header in headers.Where(h => h.Key != "content-type" && h.Key != "host"))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return request;
        }

        /// <summary>
        /// Signs the request: completes <paramref name="headers"/> (lower-case names) and returns the value of the
        /// Authorization header.
        /// </summary>
        public string Sign(string method, Uri uri, IDictionary<string, string> headers, byte[] payload, DateTime utcNow)
        {
            var timestamp = utcNow.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var date = timestamp.Substring(0, 8);
            SetIfMissing(headers, "host", uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture));
            SetIfMissing(headers, "x-amz-date", timestamp);
            if (_sessionToken != null)
            {
                SetIfMissing(headers, "x-amz-security-token", _sessionToken);
            }

            var canonicalHeaders = headers
                .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), CollapseSpaces(h.Value)))
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .ToList();
            var signedHeaders = string.Join(";", canonicalHeaders.Select(h => h.Key));
            var canonicalRequest = string.Join(
                "\n",
                method.ToUpperInvariant(),
                CanonicalPath(uri),
                CanonicalQuery(uri),
                string.Concat(canonicalHeaders.Select(h => h.Key + ":" + h.Value + "\n")),
                signedHeaders,
                Hex(Sha256(payload)));

            var scope = $"{date}/{Region}/{Service}/aws4_request";
            var stringToSign = string.Join("\n", Algorithm, timestamp, scope, Hex(Sha256(Encoding.UTF8.GetBytes(canonicalRequest))));
            var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + _secretKey), date);
            key = Hmac(key, Region);
            key = Hmac(key, Service);
            key = Hmac(key, "aws4_request");
            var signature = Hex(Hmac(key, stringToSign));
            return $"{Algorithm} Credential={_accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        }

        /// <summary>RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, upper-case hex.</summary>
        public static string Encode(string value)
        {
            var result = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(value))
            {
                var c = (char)b;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
                {
                    result.Append(c);
                }
                else
                {
                    result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            return result.ToString();
        }

        private static void SetIfMissing(IDictionary<string, string> headers, string name, string value)
        {
            if (!headers.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)))
            {
                headers[name] = value;
            }
        }

        private static string CanonicalPath(Uri uri)
        {
            var path = uri.AbsolutePath;
            if (path.Length == 0)
            {
                return "/";
            }

            return string.Join("/", path.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment))));
        }

        private static string CanonicalQuery(Uri uri)
        {
            var query = uri.Query.TrimStart('?');
            if (query.Length == 0)
            {
                return string.Empty;
            }

            return string.Join("&", query.Split('&')
                .Where(p => p.Length > 0)
                .Select(p =>
                {
                    var eq = p.IndexOf('=');
                    var name = Uri.UnescapeDataString(eq < 0 ? p : p.Substring(0, eq));
                    var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(p.Substring(eq + 1));
                    return new KeyValuePair<string, string>(Encode(name), Encode(value));
                })
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value));
        }

        private static string CollapseSpaces(string value)
        {
            var trimmed = value.Trim();
            var result = new StringBuilder(trimmed.Length);
            foreach (var c in trimmed)
            {
                if (c == ' ' && result.Length > 0 && result[result.Length - 1] == ' ')
                {
                    continue;
                }

                result.Append(c);
            }

            return result.ToString();
        }

        private static byte[] Sha256(byte[] data)
        {
            using (var sha = SHA256.Create())
            {
                return sha.ComputeHash(data);
            }
        }

        private static byte[] Hmac(byte[] key, string data)
        {
            using (var hmac = new HMACSHA256(key))
            {
                return hmac.ComputeHash(Encoding.UTF8.GetBytes(data));
            }
        }

        private static string Hex(byte[] bytes)
        {
            var result = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                result.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return result.ToString();
        }
    }
}
