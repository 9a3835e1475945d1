using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Euca.Images.LocalCloud.Tests.Euca2oolsStyle;

/// <summary>
/// Sends EC2 query requests the way clients of the Eucalyptus era do (euca2ools' requestbuilder QueryV2Auth, boto 2,
/// the ec2-api-tools): a form POST whose fields carry the action, the API Version, AWSAccessKeyId, SignatureVersion=2,
/// SignatureMethod, an ISO 8601 Timestamp and the Signature, and no Authorization header. The signature is computed
/// here from the published algorithm, independently of the server's verifier: HMAC over "POST\nhost:port\npath\n" and
/// the fields sorted by name, each name and value percent-encoded (RFC 3986 unreserved characters kept).
/// Each exchange is written to the test output (form fields, then the answer) as a transcript.
/// </summary>
internal sealed class Euca2oolsStyleClient(Uri serviceUrl, ITestOutputHelper output, string accessKey = DefaultKeys.UserAccessKey, string secret = DefaultKeys.UserSecret)
{
    private static readonly HttpClient Http = new();

    /// <summary>euca2ools 3.4's EC2 API_VERSION.</summary>
    public string Version { get; init; } = "2015-10-01";

    public string SignatureMethod { get; init; } = "HmacSHA256";

    /// <summary>How far the Timestamp is from now (to provoke expiry).</summary>
    public TimeSpan ClockOffset { get; init; }

    public async Task<(int Status, XDocument Document)> SendAsync(string action, params (string Name, string Value)[] fields)
    {
        var form = new List<(string Name, string Value)> { ("Action", action) };
        if (Version.Length > 0)
        {
            form.Add(("Version", Version));
        }

        form.AddRange(fields);
        form.Add(("AWSAccessKeyId", accessKey));
        form.Add(("SignatureVersion", "2"));
        form.Add(("SignatureMethod", SignatureMethod));
        form.Add(("Timestamp", DateTime.UtcNow.Add(ClockOffset).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        form.Add(("Signature", Sign(form)));

        string body = string.Join("&", form.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
        using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        using HttpResponseMessage response = await Http.PostAsync(serviceUrl, content);
        string answer = await response.Content.ReadAsStringAsync();

        output.WriteLine($"POST {serviceUrl.AbsolutePath} HTTP/1.1  (Host: {serviceUrl.Authority}, Content-Type: application/x-www-form-urlencoded)");
        foreach ((string name, string value) in form)
        {
            output.WriteLine($"  {name}={value}");
        }

        output.WriteLine($"-> HTTP {(int)response.StatusCode}");
        output.WriteLine(XDocument.Parse(answer).ToString());
        output.WriteLine("");
        return ((int)response.StatusCode, XDocument.Parse(answer));
    }

    private string Sign(IEnumerable<(string Name, string Value)> form)
    {
        string canonical = string.Join("&", form
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
        string stringToSign = $"POST\n{serviceUrl.Authority.ToLowerInvariant()}\n{serviceUrl.AbsolutePath}\n{canonical}";
        byte[] key = Encoding.UTF8.GetBytes(secret);
        byte[] data = Encoding.UTF8.GetBytes(stringToSign);
        return Convert.ToBase64String(SignatureMethod == "HmacSHA1" ? HMACSHA1.HashData(key, data) : HMACSHA256.HashData(key, data));
    }
}

/// <summary>Reading EC2 answers without knowing their namespace in advance (it follows the request's Version).</summary>
internal static class Ec2Xml
{
    public static XNamespace Ns(this XDocument document) => document.Root!.Name.Namespace;

    /// <summary>The direct child of that name (in the answer's namespace); fails the test when it is missing.</summary>
    public static XElement Child(this XElement element, string name) =>
        element.Element(element.Name.Namespace + name) ?? throw new Xunit.Sdk.XunitException($"<{element.Name.LocalName}> has no <{name}>: {element}");

    public static IEnumerable<XElement> Items(this XElement set) => set.Elements(set.Name.Namespace + "item");

    public static string ErrorCode(this XDocument document) => document.Descendants("Code").Single().Value;
}
