using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// S3 signature version 2 (HMAC-SHA1), which euca2ools uses for object storage and for the pre-signed URLs
    /// of import manifests. Needed because SigV4 pre-signed URLs live at most 7 days, while Eucalyptus import
    /// manifests carry 30-day URLs; the AWS SDK v4 no longer implements version 2.
    /// </summary>
    public static class S3SignatureV2
    {
        /// <summary>
        /// The string to sign: METHOD, Content-MD5, Content-Type and Date (or, for query auth, Expires as epoch
        /// seconds) each on a line, then the sorted lower-case <c>x-amz-*</c> headers as <c>name:value</c> lines
        /// (repeated headers joined by commas), then the resource.
        /// </summary>
        public static string StringToSign(string method, string? contentMd5, string? contentType, string dateOrExpires,
            IEnumerable<KeyValuePair<string, string>>? amzHeaders, string resource)
        {
            var text = new StringBuilder();
            text.Append(method.ToUpperInvariant()).Append('\n')
                .Append(contentMd5 ?? "").Append('\n')
                .Append(contentType ?? "").Append('\n')
                .Append(dateOrExpires).Append('\n');
            var headers = (amzHeaders ?? Enumerable.Empty<KeyValuePair<string, string>>())
                .Select(h => new KeyValuePair<string, string>(h.Key.Trim().ToLowerInvariant(), h.Value.Trim()))
                .Where(h => h.Key.StartsWith("x-amz-", StringComparison.Ordinal))
                .GroupBy(h => h.Key, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var header in headers)
            {
                text.Append(header.Key).Append(':').Append(string.Join(",", header.Select(h => h.Value))).Append('\n');
            }

            return text.Append(resource).ToString();
        }

        /// <summary>Base64 of HMAC-SHA1 over the UTF-8 string to sign.</summary>
        public static string Sign(string secretKey, string stringToSign)
        {
            using (var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secretKey)))
            {
                return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
            }
        }

        /// <summary>
        /// A path-style pre-signed URL (<c>AWSAccessKeyId</c>, <c>Expires</c>, <c>Signature</c>) for one object.
        /// The signed resource is the request path without the endpoint's own path (euca2ools signs
        /// <c>/bucket/key</c>, not <c>/services/objectstorage/bucket/key</c>), and it is signed exactly as it
        /// appears in the URL, percent-encoding included.
        /// </summary>
        public static Uri Presign(Uri endpoint, string bucket, string key, string method, DateTimeOffset expires,
            string accessKey, string secretKey, string? sessionToken = null)
        {
            if (endpoint == null) throw new ArgumentNullException(nameof(endpoint));
            string resource = ObjectResource(bucket, key);
            string expiresText = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var amzHeaders = sessionToken == null
                ? null
                : new[] { new KeyValuePair<string, string>("x-amz-security-token", sessionToken) };
            string signature = Sign(secretKey, StringToSign(method, null, null, expiresText, amzHeaders, resource));

            var url = new StringBuilder(EndpointBase(endpoint)).Append(resource)
                .Append("?AWSAccessKeyId=").Append(Uri.EscapeDataString(accessKey))
                .Append("&Expires=").Append(expiresText)
                .Append("&Signature=").Append(Uri.EscapeDataString(signature));
            if (sessionToken != null)
            {
                url.Append("&x-amz-security-token=").Append(Uri.EscapeDataString(sessionToken));
            }

            return new Uri(url.ToString());
        }

        /// <summary><c>/bucket/key</c> with each key segment percent-encoded and the slashes kept.</summary>
        public static string ObjectResource(string bucket, string key) =>
            "/" + Uri.EscapeDataString(bucket) + "/" + string.Join("/", key.Split('/').Select(Uri.EscapeDataString));

        /// <summary>Scheme, authority and the endpoint's path without a trailing slash.</summary>
        internal static string EndpointBase(Uri endpoint) =>
            endpoint.GetLeftPart(UriPartial.Authority) + endpoint.AbsolutePath.TrimEnd('/');
    }
}
