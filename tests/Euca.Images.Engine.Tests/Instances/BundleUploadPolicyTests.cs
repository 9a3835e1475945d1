using System;
using Euca.Images.Engine.Instances;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Instances
{
    /// <summary>The policy bytes and signature are pinned against Python's json.dumps and openssl's HMAC, computed
    /// independently by the test itself.</summary>
    public class BundleUploadPolicyTests
    {
        private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        private static readonly DateTime Expires = new DateTime(2024, 3, 5, 6, 7, 8, DateTimeKind.Utc);

        [Theory]
        [InlineData("my-bundles", "web-01")]
        [InlineData("b.u_c-k", "x")]
        public void PolicyAndSignatureMatchEuca2oolsComputation(string bucket, string prefix)
        {
            var policy = BundleUploadPolicy.Create(bucket, prefix, Expires, Secret);

            string expectedJson = Python(
                "import json,sys; sys.stdout.write(json.dumps({'conditions': [{'acl': 'ec2-bundle-read'}, {'bucket': sys.argv[1]}, "
                + "['starts-with', '$key', sys.argv[2]]], 'expiration': '2024-03-05T06:07:08Z'}))", bucket, prefix);
            Assert.Equal(expectedJson, policy.Json);
            Assert.Equal(Shell.Run($"printf %s '{expectedJson}' | base64 -w0"), policy.Base64);
            string expectedSignature = Shell.Run($"printf %s '{policy.Base64}' | openssl dgst -sha1 -hmac '{Secret}' -binary | base64 -w0");
            Assert.Equal(expectedSignature, policy.Signature);
        }

        [Fact]
        public void StringsAreEscapedAsPythonJsonDumpsEscapesThem()
        {
            const string odd = "a\"b\\c\u00e9\n\t\u0001\u007f\u20ac";
            var policy = BundleUploadPolicy.Create("bucket", odd, Expires, Secret);

            string expected = Python(
                "import json,sys; sys.stdout.write(json.dumps(['starts-with', '$key', sys.argv[1]]))", odd);
            Assert.Contains(expected, policy.Json);
        }

        [Fact]
        public void ExpirationIsUtcWithWholeSeconds()
        {
            var local = new DateTime(2024, 3, 5, 6, 7, 8, DateTimeKind.Utc).ToLocalTime();

            var policy = BundleUploadPolicy.Create("bucket", "prefix", local, Secret);

            Assert.EndsWith("\"expiration\": \"2024-03-05T06:07:08Z\"}", policy.Json);
        }

        [Fact]
        public void ToStringShowsThePolicyButNotTheSecret()
        {
            var policy = BundleUploadPolicy.Create("bucket", "prefix", Expires, Secret);

            Assert.DoesNotContain(Secret, policy.ToString());
            Assert.DoesNotContain(Secret, policy.Json);
        }

        /// <summary>Runs a Python script with the arguments as sys.argv[1:] (passed base64-encoded, so any text survives the shell).</summary>
        private static string Python(string script, params string[] arguments)
        {
            string Encode(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
            string prelude = "import base64,sys; sys.argv[1:] = [base64.b64decode(a).decode('utf-8') for a in sys.argv[1:]]\n";
            return Shell.Run($"python3 -c \"$(echo {Encode(prelude + script)} | base64 -d)\" {string.Join(" ", Array.ConvertAll(arguments, Encode))}");
        }
    }
}
