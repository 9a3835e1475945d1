using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// The Eucalyptus bootstrap (Empyrean) service, which the AWS SDK does not know. Its
    /// DescribeServiceCertificates call (Eucalyptus 4.2+) hands out the cloud's image-bundling certificate,
    /// so users need not copy cloud-cert.pem around. The call is a SigV4-signed query POST with service name
    /// <c>bootstrap</c> and API version <c>eucalyptus</c>, as euca2ools sends it.
    /// </summary>
    public sealed class BootstrapClient : IDisposable
    {
        private const string Body = "Action=DescribeServiceCertificates&Version=eucalyptus&Format=pem&FingerprintDigest=SHA-256";
        private readonly CloudSettings _settings;
        private readonly HttpClient _http;
        private readonly SigV4QuerySigner _signer;

        internal BootstrapClient(CloudSettings settings, HttpClient http)
        {
            _settings = settings;
            _http = http;
            _signer = new SigV4QuerySigner(settings.AccessKey!, settings.SecretKey!, settings.SessionToken, settings.SigningRegion, "bootstrap");
        }

        public Uri Endpoint => _settings.BootstrapUrl!;

        /// <summary>
        /// The PEM text of the certificate whose usage is <c>image-bundling</c> for service type <c>compute</c>.
        /// </summary>
        public async Task<string> GetCloudCertificateAsync(CancellationToken cancellationToken)
        {
            using (HttpRequestMessage request = _signer.SignedFormPost(Endpoint, Encoding.UTF8.GetBytes(Body), DateTime.UtcNow))
            {
                var (status, text) = await CloudErrorTranslator.RunAsync(Endpoint, Endpoint, () => SendAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (status != HttpStatusCode.OK)
                {
                    throw ErrorFor(status, text);
                }

                var pem = ServiceCertificateParser.FindBundlingCertificate(text);
                return pem != null ? pem + "\n" : throw new EucaException(
                        ErrorIds.CloudCertificateNotFound,
                        EucaErrorCategory.ObjectNotFound,
                        $"The bootstrap service at {Endpoint} lists no certificate for image bundling by the compute service; supply the cloud certificate (cloud-cert.pem) instead.",
                        Endpoint);
            }
        }

        public void Dispose() => _http.Dispose();

        private async Task<(HttpStatusCode, string)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using (var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false))
            {
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return (response.StatusCode, text);
            }
        }

        private EucaException ErrorFor(HttpStatusCode status, string body)
        {
            var (code, message) = ParseError(body);
            var translated = CloudErrorTranslator.FromService(code, message ?? body, (int)status, Endpoint, Endpoint, null);
            if (status == HttpStatusCode.Forbidden && !translated.Is(ErrorIds.CloudAuthenticationFailed))
            {
                return new EucaException(
                    ErrorIds.CloudCertificateAccessDenied,
                    EucaErrorCategory.PermissionDenied,
                    $"The bootstrap service at {Endpoint} refused to list the cloud certificate; the user needs the IAM permission euserv:DescribeServiceCertificates, or supply the cloud certificate (cloud-cert.pem) instead.",
                    Endpoint);
            }

            return translated;
        }

        private static (string? Code, string? Message) ParseError(string body)
        {
            try
            {
                var document = XDocument.Parse(body);
                var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                return (error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value,
                    error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value);
            }
            catch (XmlException)
            {
                return (null, null);
            }
        }
    }
}
