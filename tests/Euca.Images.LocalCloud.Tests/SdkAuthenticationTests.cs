using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Euca.Images.LocalCloud.Configuration;
using Euca.Images.LocalCloud.Hosting;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>Real AmazonEC2Client requests over loopback: the server accepts what the SDK signs correctly and
/// rejects everything else, which is what proves the product's signatures later.</summary>
public sealed class SdkAuthenticationTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("services/compute")]
    [InlineData("services/compute/")]
    public async Task SignedSdkRequestSucceeds(string path)
    {
        using AmazonEC2Client client = cloud.User(path);

        DescribeImagesResponse response = await client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["emi-1f8e3c5a"] });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        Assert.Equal("emi-1f8e3c5a", Assert.Single(response.Images).ImageId);
    }

    [Fact]
    public async Task WrongSecretIsAuthFailure()
    {
        using AmazonEC2Client client = cloud.Client(DefaultKeys.UserAccessKey, "not-the-secret");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.DescribeImagesAsync(new DescribeImagesRequest()));

        Assert.Equal(("AuthFailure", HttpStatusCode.Unauthorized), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task UnknownAccessKeyIsAuthFailure()
    {
        using AmazonEC2Client client = cloud.Client("AKIANOSUCHKEY0000000", DefaultKeys.UserSecret);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.DescribeImagesAsync(new DescribeImagesRequest()));

        Assert.Equal("AuthFailure", error.ErrorCode);
    }

    [Fact]
    public async Task BodyChangedAfterSigningIsAuthFailure()
    {
        using AmazonEC2Client client = LocalCloudFixture.CreateClient(new Uri(cloud.BaseUrl, "services/compute"),
            new BasicAWSCredentials(DefaultKeys.UserAccessKey, DefaultKeys.UserSecret),
            new HandlerHttpClientFactory(() => new BodyTamperingHandler()));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["emi-1f8e3c5a"] }));

        Assert.Equal("AuthFailure", error.ErrorCode);
    }

    [Fact]
    public async Task UnsignedRequestIsMissingAuthenticationToken()
    {
        (int status, var document) = await RawQueryClient.SendUnsignedAsync(cloud.BaseUrl, "Action=DescribeImages&Version=2016-11-15");

        Assert.Equal((401, "MissingAuthenticationToken"), (status, RawQueryClient.ErrorCode(document)));
    }

    [Fact]
    public async Task ServerClockTwentyMinutesAheadIsRequestExpired()
    {
        await using var skewed = new LocalCloudHost(new LocalCloudOptions { Time = new ShiftedTimeProvider(TimeSpan.FromMinutes(20)) });
        Uri url = await skewed.StartAsync();
        using AmazonEC2Client client = LocalCloudFixture.CreateClient(url,
            new BasicAWSCredentials(DefaultKeys.UserAccessKey, DefaultKeys.UserSecret));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.DescribeImagesAsync(new DescribeImagesRequest()));

        Assert.Equal("RequestExpired", error.ErrorCode);
    }

    [Fact]
    public async Task ServerClockTenMinutesAheadIsAccepted()
    {
        await using var skewed = new LocalCloudHost(new LocalCloudOptions { Time = new ShiftedTimeProvider(TimeSpan.FromMinutes(10)) });
        Uri url = await skewed.StartAsync();
        using AmazonEC2Client client = LocalCloudFixture.CreateClient(url,
            new BasicAWSCredentials(DefaultKeys.UserAccessKey, DefaultKeys.UserSecret));

        DescribeImagesResponse response = await client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["emi-1f8e3c5a"] });

        Assert.Single(response.Images);
    }

    [Fact]
    public async Task SessionCredentialsWithTheConfiguredTokenSucceed()
    {
        (CloudConfig config, string baseDirectory) = CloudConfigLoader.Load(null);
        var withToken = new CloudConfig
        {
            CloudCertificate = config.CloudCertificate,
            Images = config.Images,
            Accounts = config.Accounts.Select(a => a.AccountId != DefaultKeys.UserAccountId ? a : new AccountConfig
            {
                AccountId = a.AccountId,
                Alias = a.Alias,
                AccessKeys = [new AccessKeyConfig { AccessKeyId = "ASIALOCALCLOUDTEMP01", SecretAccessKey = "temporary-secret", SessionToken = "session-token-1" }],
            }).ToList(),
        };
        await using var host = new LocalCloudHost(new LocalCloudOptions { Config = withToken, ConfigBaseDirectory = baseDirectory });
        Uri url = await host.StartAsync();

        using AmazonEC2Client good = LocalCloudFixture.CreateClient(url, new SessionAWSCredentials("ASIALOCALCLOUDTEMP01", "temporary-secret", "session-token-1"));
        using AmazonEC2Client wrongToken = LocalCloudFixture.CreateClient(url, new SessionAWSCredentials("ASIALOCALCLOUDTEMP01", "temporary-secret", "session-token-2"));
        using AmazonEC2Client noToken = LocalCloudFixture.CreateClient(url, new BasicAWSCredentials("ASIALOCALCLOUDTEMP01", "temporary-secret"));

        Assert.NotEmpty((await good.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images);
        Assert.Equal("AuthFailure", (await Assert.ThrowsAsync<AmazonEC2Exception>(() => wrongToken.DescribeImagesAsync(new DescribeImagesRequest()))).ErrorCode);
        Assert.Equal("AuthFailure", (await Assert.ThrowsAsync<AmazonEC2Exception>(() => noToken.DescribeImagesAsync(new DescribeImagesRequest()))).ErrorCode);
    }

    [Fact]
    public async Task GetWithQueryStringIsServed()
    {
        (int status, var document) = await RawQueryClient.GetAsync(
            new Uri(cloud.BaseUrl, "services/compute?Action=DescribeImages&Version=2016-11-15&ImageId.1=emi-1f8e3c5a"));

        Assert.Equal(200, status);
        Assert.Equal("emi-1f8e3c5a", Assert.Single(document.Descendants(), e => e.Name.LocalName == "imageId").Value);
    }

    [Fact]
    public async Task UnknownActionIsInvalidAction()
    {
        (int status, var document) = await RawQueryClient.PostAsync(new Uri(cloud.BaseUrl, "services/compute"), "Action=LaunchRockets&Version=2016-11-15");

        Assert.Equal((400, "InvalidAction"), (status, RawQueryClient.ErrorCode(document)));
    }

    /// <summary>Hands the SDK an HttpClient built on a given handler.</summary>
    private sealed class HandlerHttpClientFactory(Func<HttpMessageHandler> createHandler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(createHandler());

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }

    /// <summary>Changes the form body after the SDK signed it, as a man in the middle would.</summary>
    private sealed class BodyTamperingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var tampered = new StringContent(body.Replace("emi-1f8e3c5a", "emi-5a6b7c8d", StringComparison.Ordinal));
            tampered.Headers.ContentType = request.Content.Headers.ContentType;
            Assert.NotEqual(body, await tampered.ReadAsStringAsync(cancellationToken));
            request.Content = tampered;
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
