using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Euca.Images.LocalCloud.Auth;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>Sends query requests the AWS SDK cannot (bootstrap actions, GET, unknown actions), signed with
/// SigV4 built from the canonicalizer that the published test-suite vectors check.</summary>
internal static class RawQueryClient
{
    private static readonly HttpClient Http = new();

    public static async Task<(int Status, XDocument Document)> PostAsync(Uri url, string form,
        string accessKey = DefaultKeys.UserAccessKey, string secret = DefaultKeys.UserSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(form)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return await SendAsync(request, Encoding.UTF8.GetBytes(form), accessKey, secret);
    }

    public static async Task<(int Status, XDocument Document)> GetAsync(Uri url,
        string accessKey = DefaultKeys.UserAccessKey, string secret = DefaultKeys.UserSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request, [], accessKey, secret);
    }

    public static async Task<(int Status, XDocument Document)> SendUnsignedAsync(Uri url, string form)
    {
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        using HttpResponseMessage response = await Http.PostAsync(url, content);
        return ((int)response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    public static string ErrorCode(XDocument document) => document.Descendants("Code").Single().Value;

    private static async Task<(int Status, XDocument Document)> SendAsync(HttpRequestMessage request, byte[] body,
        string accessKey, string secret)
    {
        Uri url = request.RequestUri!;
        string amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string scopeDate = amzDate[..8];
        var headers = new List<(string Name, IReadOnlyList<string> Values)> { ("host", [url.Authority]) };
        if (request.Content is not null)
        {
            headers.Insert(0, ("content-type", [request.Content.Headers.ContentType!.ToString()]));
        }

        headers.Add(("x-amz-date", [amzDate]));
        string signedHeaders = string.Join(";", headers.Select(h => h.Name));
        string canonicalRequest = SigV4Canonicalizer.CanonicalRequest(request.Method.Method,
            SigV4Canonicalizer.CanonicalUri(url.AbsolutePath), SigV4Canonicalizer.CanonicalQuery(url.Query),
            SigV4Canonicalizer.CanonicalHeaders(headers), signedHeaders, SigV4Canonicalizer.HexSha256(body));
        string scope = $"{scopeDate}/eucalyptus/bootstrap/aws4_request";
        string signature = SigV4Canonicalizer.Signature(
            SigV4Canonicalizer.SigningKey(secret, scopeDate, "eucalyptus", "bootstrap"),
            SigV4Canonicalizer.StringToSign(amzDate, scope, canonicalRequest));
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");

        using HttpResponseMessage response = await Http.SendAsync(request);
        return ((int)response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
