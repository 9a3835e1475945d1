using System;
using System.Collections.Generic;
using System.Text;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Engine.Tests.Cloud
{
    /// <summary>Vectors from the AWS Signature Version 4 test suite (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z).</summary>
    public class SigV4QuerySignerTests
    {
        private const string Prefix = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";
        private static readonly DateTime When = new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData("GET", "https://example.amazonaws.com/", null, "", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
        [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", null, "", "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
        [InlineData("GET", "https://example.amazonaws.com/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", null, "", "host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197")]
        [InlineData("GET", "https://example.amazonaws.com/\u1234", null, "", "host;x-amz-date", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85")]
        [InlineData("POST", "https://example.amazonaws.com/", null, "", "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
        [InlineData("POST", "https://example.amazonaws.com/?Param1=value1", null, "", "host;x-amz-date", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11")]
        [InlineData("POST", "https://example.amazonaws.com/", "application/x-www-form-urlencoded", "Param1=value1", "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a")]
        public void MatchesTheAwsTestSuite(string method, string url, string? contentType, string body, string signedHeaders, string signature)
        {
            var signer = new SigV4QuerySigner("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null, "us-east-1", "service");
            var headers = new Dictionary<string, string>();
            if (contentType != null)
            {
                headers["content-type"] = contentType;
            }

            var authorization = signer.Sign(method, new Uri(url), headers, Encoding.UTF8.GetBytes(body), When);

            Assert.Equal(Prefix + "SignedHeaders=" + signedHeaders + ", Signature=" + signature, authorization);
            Assert.Equal("20150830T123600Z", headers["x-amz-date"]);
            Assert.Equal("example.amazonaws.com", headers["host"]);
        }

        [Fact]
        public void SessionTokenIsSentAndSigned()
        {
            var signer = new SigV4QuerySigner("AKIDEXAMPLE", "secret", "the-token", "eucalyptus", "bootstrap");
            var headers = new Dictionary<string, string>();

            var authorization = signer.Sign("POST", new Uri("http://127.0.0.1:8773/services/Empyrean"), headers, Array.Empty<byte>(), When);

            Assert.Equal("the-token", headers["x-amz-security-token"]);
            Assert.Equal("127.0.0.1:8773", headers["host"]);
            Assert.Contains("/20150830/eucalyptus/bootstrap/aws4_request", authorization);
            Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token", authorization);
        }
    }
}
