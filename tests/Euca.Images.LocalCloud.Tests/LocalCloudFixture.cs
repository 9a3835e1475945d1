using Amazon.EC2;
using Amazon.Runtime;
using Euca.Images.LocalCloud.Hosting;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>One in-process local cloud with the default configuration, shared by a test class.</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    private readonly LocalCloudHost host = new(new LocalCloudOptions());

    public Uri BaseUrl { get; private set; } = null!;

    public LocalCloudHost Host => host;

    public async Task InitializeAsync() => BaseUrl = await host.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    public AmazonEC2Client User(string path = "services/compute") => Client(DefaultKeys.UserAccessKey, DefaultKeys.UserSecret, path);

    public AmazonEC2Client Admin() => Client(DefaultKeys.AdminAccessKey, DefaultKeys.AdminSecret);

    public AmazonEC2Client Client(string accessKey, string secret, string path = "services/compute") =>
        CreateClient(new Uri(BaseUrl, path), new BasicAWSCredentials(accessKey, secret));

    /// <summary>The SDK settings the product uses against Eucalyptus; no retries so errors surface at once.</summary>
    public static AmazonEC2Client CreateClient(Uri serviceUrl, AWSCredentials credentials, HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonEC2Config
        {
            ServiceURL = serviceUrl.ToString(),
            AuthenticationRegion = "eucalyptus",
            MaxErrorRetry = 0,
        };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return new AmazonEC2Client(credentials, config);
    }
}
