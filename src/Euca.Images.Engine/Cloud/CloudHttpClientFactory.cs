using System.Net.Http;
using Amazon.Runtime;
using Euca.Images.Engine.Configuration;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Gives the AWS SDK clients our own handler, because the SDK offers no other way to trust a private CA
    /// or to skip certificate checks.
    /// </summary>
    internal sealed class CloudHttpClientFactory : HttpClientFactory
    {
        private readonly CloudSettings _settings;

        public CloudHttpClientFactory(CloudSettings settings)
        {
            _settings = settings;
        }

        public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        {
            var client = new HttpClient(TlsValidation.CreateHandler(_settings, allowAutoRedirect: false), disposeHandler: true);
            if (clientConfig.Timeout.HasValue)
            {
                client.Timeout = clientConfig.Timeout.Value;
            }

            return client;
        }
    }
}
