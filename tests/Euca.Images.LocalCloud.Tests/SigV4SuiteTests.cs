using System.Text;
using Euca.Images.LocalCloud.Auth;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>The verifier against AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite, as
/// kept in botocore's tests/unit/auth/aws4_testsuite): AKIDEXAMPLE, region us-east-1, service `service`,
/// signed at 20150830T123600Z. Paths and queries are given in wire (percent-encoded) form.</summary>
public sealed class SigV4SuiteTests
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string AmzDate = "20150830T123600Z";
    private const string Host = "example.amazonaws.com";
    private const string SuiteToken = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
    private const string StsToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string, string, string, string> Vectors => new()
    {
        // name, method, raw path, raw query, extra headers ("Name:value" lines), body, expected signature
        { "get-vanilla", "GET", "/", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", "", "", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "get-vanilla-query-order-key", "GET", "/", "Param1=value2&Param1=Value1", "", "", "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1" },
        { "get-vanilla-query-order-value", "GET", "/", "Param1=value2&Param1=value1", "", "", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694" },
        { "get-vanilla-query-order-encoded", "GET", "/", "Param-3=Value3&Param=Value2&%E1%88%B4=Value1", "", "", "371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac" },
        { "get-vanilla-query-unreserved", "GET", "/", "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", "", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197" },
        { "get-vanilla-utf8-query", "GET", "/", "%E1%88%B4=bar", "", "", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04" },
        { "get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", "", "", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f" },
        { "get-utf8", "GET", "/%E1%88%B4", "", "", "", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85" },
        { "get-space", "GET", "/example%20space/", "", "", "", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741" },
        { "get-special-character", "GET", "/example/$delete", "", "", "", "a853c9b21b528b19643d00910d35b83a10c366a10833ceefb45edd6c80e40f27" },
        { "get-relative-relative", "GET", "/example1/example2/../..", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-slash-pointless-dot", "GET", "/./example", "", "", "", "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5" },
        { "get-slashes", "GET", "//example//", "", "", "", "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84" },
        { "get-header-key-duplicate", "GET", "/", "", "My-Header1:value2\nMy-Header1:value2\nMy-Header1:value1", "", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea" },
        { "get-header-value-order", "GET", "/", "", "My-Header1:value4\nMy-Header1:value1\nMy-Header1:value3\nMy-Header1:value2", "", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01" },
        { "get-header-value-trim", "GET", "/", "", "My-Header1: value1\nMy-Header2: \"a   b   c\"", "", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "post-vanilla", "POST", "/", "", "", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "post-vanilla-query", "POST", "/", "Param1=value1", "", "", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11" },
        { "post-header-key-sort", "POST", "/", "", "My-Header1:value1", "", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c" },
        { "post-header-value-case", "POST", "/", "", "My-Header1:VALUE1", "", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d" },
        { "post-x-www-form-urlencoded", "POST", "/", "", "Content-Type:application/x-www-form-urlencoded", "Param1=value1", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
        { "post-x-www-form-urlencoded-parameters", "POST", "/", "", "Content-Type:application/x-www-form-urlencoded; charset=utf8", "Param1=value1", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void PublishedVectorVerifies(string name, string method, string path, string query, string extraHeaders, string body, string signature)
    {
        SigV4Request request = SuiteRequest(method, path, query, extraHeaders, body, signature);

        AccessKey key = Verifier(sessionToken: null).Verify(request);

        Assert.True(key.AccessKeyId == AccessKeyId, name);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void PublishedVectorWithAnotherSecretFails(string name, string method, string path, string query, string extraHeaders, string body, string signature)
    {
        SigV4Request request = SuiteRequest(method, path, query, extraHeaders, body, signature);
        var verifier = new SigV4Verifier(_ => new AccessKey(AccessKeyId, Secret + "x", null), new FixedTimeProvider(SignedAt));

        CloudErrorException error = Assert.Throws<CloudErrorException>(() => verifier.Verify(request));

        Assert.True(error.Code == "AuthFailure", name);
    }

    [Fact]
    public void FormBodyCanonicalRequestMatchesTheSuite()
    {
        SigV4Request request = SuiteRequest("POST", "/", "", "Content-Type:application/x-www-form-urlencoded", "Param1=value1",
            "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
        SigV4Authorization authorization = SigV4Authorization.Parse(request.SingleHeader("Authorization")!);

        string canonical = SigV4Verifier.BuildCanonicalRequest(request, authorization, "/");

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n" +
            "content-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            canonical);
    }

    [Fact]
    public void SessionTokenVectorVerifiesWhenTheKeyHasThatToken()
    {
        SigV4Request request = SuiteRequest("GET", "/", "", "X-Amz-Security-Token:" + SuiteToken, "",
            "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8");

        Assert.Equal(AccessKeyId, Verifier(SuiteToken).Verify(request).AccessKeyId);
    }

    [Fact]
    public void StsTokenVectorVerifies()
    {
        SigV4Request request = SuiteRequest("POST", "/", "", "X-Amz-Security-Token:" + StsToken, "",
            "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead");

        Assert.Equal(AccessKeyId, Verifier(StsToken).Verify(request).AccessKeyId);
    }

    [Fact]
    public void SessionTokenIsRejectedWhenTheKeyHasNone()
    {
        SigV4Request request = SuiteRequest("GET", "/", "", "X-Amz-Security-Token:" + SuiteToken, "",
            "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8");

        Assert.Equal("AuthFailure", Assert.Throws<CloudErrorException>(() => Verifier(null).Verify(request)).Code);
    }

    [Fact]
    public void KeyWithSessionTokenRejectsRequestsWithoutIt()
    {
        SigV4Request request = SuiteRequest("GET", "/", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        Assert.Equal("AuthFailure", Assert.Throws<CloudErrorException>(() => Verifier(SuiteToken).Verify(request)).Code);
    }

    [Fact]
    public void TamperedBodyFails()
    {
        SigV4Request request = SuiteRequest("POST", "/", "", "Content-Type:application/x-www-form-urlencoded", "Param1=value2",
            "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");

        Assert.Equal("AuthFailure", Assert.Throws<CloudErrorException>(() => Verifier(null).Verify(request)).Code);
    }

    [Fact]
    public void DeclaredPayloadHashMustMatchTheBody()
    {
        string emptyHash = SigV4Canonicalizer.HexSha256([]);
        SigV4Request request = SuiteRequest("POST", "/", "", "x-amz-content-sha256:" + emptyHash, "Param1=value1", "00");

        CloudErrorException error = Assert.Throws<CloudErrorException>(() => Verifier(null).Verify(request));

        Assert.Equal("AuthFailure", error.Code);
        Assert.Contains("x-amz-content-sha256", error.Message);
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    public void DateMoreThanFifteenMinutesOffIsRequestExpired(int minutes)
    {
        SigV4Request request = SuiteRequest("GET", "/", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        var verifier = new SigV4Verifier(FindSuiteKey(null), new FixedTimeProvider(SignedAt.AddMinutes(minutes)));

        Assert.Equal("RequestExpired", Assert.Throws<CloudErrorException>(() => verifier.Verify(request)).Code);
    }

    [Fact]
    public void DateWithinFifteenMinutesIsAccepted()
    {
        SigV4Request request = SuiteRequest("GET", "/", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        var verifier = new SigV4Verifier(FindSuiteKey(null), new FixedTimeProvider(SignedAt.AddMinutes(14)));

        Assert.Equal(AccessKeyId, verifier.Verify(request).AccessKeyId);
    }

    [Fact]
    public void RegionAndServiceOfTheScopeAreNotChecked()
    {
        // Signed for region "eucalyptus" and service "compute" against a suite request: only the secret matters.
        string signature = SignSuiteRequest("GET", "/", "eucalyptus", "compute");
        SigV4Request request = SuiteRequest("GET", "/", "", "", "", signature, "eucalyptus", "compute");

        Assert.Equal(AccessKeyId, Verifier(null).Verify(request).AccessKeyId);
    }

    [Fact]
    public void RootCanonicalUriIsAcceptedForAServicePath()
    {
        // Eucalyptus' Hmacv4LoginModule also accepts a signature computed over "/" for /services/compute.
        string signatureOverRoot = SignSuiteRequest("GET", "/", "us-east-1", "service");
        SigV4Request request = SuiteRequest("GET", "/services/compute", "", "", "", signatureOverRoot);

        Assert.Equal(AccessKeyId, Verifier(null).Verify(request).AccessKeyId);
    }

    [Fact]
    public void OtherPathsAreNotAcceptedAsCanonicalUri()
    {
        string signatureOverOtherPath = SignSuiteRequest("GET", "/services/other", "us-east-1", "service");
        SigV4Request request = SuiteRequest("GET", "/services/compute", "", "", "", signatureOverOtherPath);

        Assert.Equal("AuthFailure", Assert.Throws<CloudErrorException>(() => Verifier(null).Verify(request)).Code);
    }

    [Fact]
    public void MissingAuthorizationIsMissingAuthenticationToken()
    {
        var request = new SigV4Request("GET", "/", "", [new("Host", Host), new("X-Amz-Date", AmzDate)], Array.Empty<byte>());

        CloudErrorException error = Assert.Throws<CloudErrorException>(() => Verifier(null).Verify(request));

        Assert.Equal(("MissingAuthenticationToken", 401), (error.Code, error.StatusCode));
    }

    [Theory]
    [InlineData("AWS AKIDEXAMPLE:c2lnbmF0dXJl")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1, SignedHeaders=host;x-amz-date, Signature=00")]
    public void MalformedAuthorizationIsAuthFailure(string authorization)
    {
        var request = new SigV4Request("GET", "/", "",
            [new("Host", Host), new("X-Amz-Date", AmzDate), new("Authorization", authorization)], Array.Empty<byte>());

        Assert.Equal("AuthFailure", Assert.Throws<CloudErrorException>(() => Verifier(null).Verify(request)).Code);
    }

    [Fact]
    public void UnknownAccessKeyIsAuthFailure()
    {
        SigV4Request request = SuiteRequest("GET", "/", "", "", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        var verifier = new SigV4Verifier(_ => null, new FixedTimeProvider(SignedAt));

        Assert.Equal("AuthFailure", Assert.Throws<CloudErrorException>(() => verifier.Verify(request)).Code);
    }

    private static SigV4Verifier Verifier(string? sessionToken) => new(FindSuiteKey(sessionToken), new FixedTimeProvider(SignedAt));

    private static Func<string, AccessKey?> FindSuiteKey(string? sessionToken) =>
        id => id == AccessKeyId ? new AccessKey(AccessKeyId, Secret, sessionToken) : null;

    /// <summary>The suite request: Host and X-Amz-Date, then the extra headers, signed over all of them.</summary>
    private static SigV4Request SuiteRequest(string method, string path, string query, string extraHeaders, string body,
        string signature, string region = "us-east-1", string service = "service")
    {
        var headers = new List<KeyValuePair<string, string>> { new("Host", Host), new("X-Amz-Date", AmzDate) };
        foreach (string line in extraHeaders.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = line.IndexOf(':');
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        string signedHeaders = string.Join(";", headers.Select(h => h.Key.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));
        headers.Add(new("Authorization",
            $"AWS4-HMAC-SHA256 Credential={AccessKeyId}/20150830/{region}/{service}/aws4_request, SignedHeaders={signedHeaders}, Signature={signature}"));
        return new SigV4Request(method, path, query, headers, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Signs a bare Host + X-Amz-Date request over <paramref name="canonicalUri"/> for a given scope.</summary>
    private static string SignSuiteRequest(string method, string canonicalUri, string region, string service)
    {
        string canonicalRequest = SigV4Canonicalizer.CanonicalRequest(method, canonicalUri, "",
            SigV4Canonicalizer.CanonicalHeaders([("host", [Host]), ("x-amz-date", [AmzDate])]), "host;x-amz-date",
            SigV4Canonicalizer.HexSha256([]));
        return SigV4Canonicalizer.Signature(SigV4Canonicalizer.SigningKey(Secret, "20150830", region, service),
            SigV4Canonicalizer.StringToSign(AmzDate, $"20150830/{region}/{service}/aws4_request", canonicalRequest));
    }
}
