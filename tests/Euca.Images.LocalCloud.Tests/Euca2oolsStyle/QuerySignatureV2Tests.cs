using System.Xml.Linq;
using Xunit.Abstractions;

namespace Euca.Images.LocalCloud.Tests.Euca2oolsStyle;

/// <summary>Signature version 2 query requests, as euca2ools' one-command install sends its RegisterImage: accepted
/// with HmacSHA256 and HmacSHA1 at both service paths, refused when the secret, the time or the version is wrong.</summary>
public sealed class QuerySignatureV2Tests(LocalCloudFixture cloud, ITestOutputHelper output) : IClassFixture<LocalCloudFixture>
{
    [Theory]
    [InlineData("HmacSHA256", "services/compute")]
    [InlineData("HmacSHA1", "services/compute")]
    [InlineData("HmacSHA256", "")]
    public async Task SignedQueryRequestsAreAccepted(string method, string path)
    {
        var client = new Euca2oolsStyleClient(new Uri(cloud.BaseUrl, path), output) { SignatureMethod = method };

        (int status, XDocument answer) = await client.SendAsync("DescribeImages", ("ImageId.1", "emi-1f8e3c5a"));

        Assert.Equal(200, status);
        Assert.Equal("DescribeImagesResponse", answer.Root!.Name.LocalName);
        Assert.Equal("emi-1f8e3c5a", answer.Root.Child("imagesSet").Items().Single().Child("imageId").Value);
    }

    [Fact]
    public async Task AWrongSecretIsAnAuthFailure()
    {
        var client = new Euca2oolsStyleClient(new Uri(cloud.BaseUrl, "services/compute"), output, secret: "not-the-secret");

        (int status, XDocument answer) = await client.SendAsync("DescribeImages");

        Assert.Equal((401, "AuthFailure"), (status, answer.ErrorCode()));
    }

    [Theory]
    [InlineData(-20, "RequestExpired")]
    [InlineData(5, "AuthFailure")]
    public async Task TimestampsOutsideEucalyptusWindowAreRefused(int offsetMinutes, string code)
    {
        var client = new Euca2oolsStyleClient(new Uri(cloud.BaseUrl, "services/compute"), output) { ClockOffset = TimeSpan.FromMinutes(offsetMinutes) };

        (_, XDocument answer) = await client.SendAsync("DescribeImages");

        Assert.Equal(code, answer.ErrorCode());
    }

    [Fact]
    public async Task SignatureVersion1IsNotAccepted()
    {
        (int status, XDocument answer) = await RawQueryClient.SendUnsignedAsync(new Uri(cloud.BaseUrl, "services/compute"),
            "Action=DescribeImages&Version=2015-10-01&AWSAccessKeyId=AKIALOCALCLOUDUSER01&SignatureVersion=1&Timestamp=2030-01-01T00%3A00%3A00Z&Signature=x");

        Assert.Equal((401, "AuthFailure"), (status, answer.ErrorCode()));
    }
}
