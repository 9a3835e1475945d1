using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Cloud
{
    public class BootstrapClientTests
    {
        private const string Pem = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----";

        private static string Entry(string serviceType, string usage, string certificate) =>
            $"<member><serviceType>{serviceType}</serviceType><certificateUsage>{usage}</certificateUsage><certificateFormat>pem</certificateFormat>" +
            $"<certificate>{certificate}</certificate><certificateFingerprint>AB:CD</certificateFingerprint><certificateFingerprintDigest>SHA-256</certificateFingerprintDigest></member>";

        private static string Response(params string[] entries) =>
            "<DescribeServiceCertificatesResponseType xmlns=\"http://www.eucalyptus.com/ns/empyrean/2012-10-01/\"><serviceCertificates>" +
            string.Concat(entries) + "</serviceCertificates></DescribeServiceCertificatesResponseType>";

        [Fact]
        public async Task ReturnsTheComputeImageBundlingCertificate()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Response(
                Entry("compute", "ssl", "WRONG-USAGE"),
                Entry("objectstorage", "image-bundling", "WRONG-SERVICE"),
                Entry("compute", "image-bundling", Pem))));
            var bootstrapUrl = new Uri(server.Url, "services/Empyrean");
            using var connection = CloudTestSettings.Connect(new Uri(server.Url, "services/compute"), bootstrapUrl: bootstrapUrl);

            var pem = await connection.Bootstrap.GetCloudCertificateAsync(CancellationToken.None);

            Assert.Equal(Pem + "\n", pem);
            var request = Assert.Single(server.Requests);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/services/Empyrean", request.Path);
            Assert.Equal("Action=DescribeServiceCertificates&Version=eucalyptus&Format=pem&FingerprintDigest=SHA-256", request.Body);
            Assert.Contains("/eucalyptus/bootstrap/aws4_request", request.Authorization);
            Assert.Contains("SignedHeaders=content-type;host;x-amz-date", request.Authorization);
        }

        [Fact]
        public async Task NoMatchingEntryIsCertificateNotFound()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Response(Entry("compute", "ssl", Pem))));
            using var connection = CloudTestSettings.Connect(server.Url, bootstrapUrl: server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => connection.Bootstrap.GetCloudCertificateAsync(CancellationToken.None));

            Assert.Equal("CloudCertificateNotFound", error.ErrorId);
        }

        [Fact]
        public async Task ForbiddenNamesTheMissingPermission()
        {
            const string denied = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized</Message></Error></ErrorResponse>";
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(403, denied));
            using var connection = CloudTestSettings.Connect(server.Url, bootstrapUrl: server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => connection.Bootstrap.GetCloudCertificateAsync(CancellationToken.None));

            Assert.Equal("CloudCertificateAccessDenied", error.ErrorId);
            Assert.Contains("euserv:DescribeServiceCertificates", error.Message);
        }

        [Fact]
        public void MissingBootstrapUrlIsReportedAsIncompleteConfiguration()
        {
            using var connection = CloudTestSettings.Connect(new Uri("http://ec2.cloud.example:8773/"));

            var error = Assert.Throws<EucaException>(() => connection.Bootstrap);

            Assert.Equal("CloudConfigurationIncomplete", error.ErrorId);
            Assert.Contains("BootstrapUrl", error.Message);
        }
    }
}
