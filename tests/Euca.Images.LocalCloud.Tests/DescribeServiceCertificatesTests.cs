using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>The bootstrap call euca2ools makes to fetch the cloud certificate for bundling.</summary>
public sealed class DescribeServiceCertificatesTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private const string EucalyptusRequest = "Action=DescribeServiceCertificates&Version=eucalyptus&Format=pem&FingerprintDigest=SHA-256";

    [Theory]
    [InlineData("services/Empyrean/")]
    [InlineData("services/Empyrean")]
    [InlineData("")]
    public async Task ReturnsTheCloudCertificateForImageBundling(string path)
    {
        (int status, XDocument document) = await RawQueryClient.PostAsync(new Uri(cloud.BaseUrl, path), EucalyptusRequest);

        Assert.Equal(200, status);
        XElement entry = ImageBundlingEntry(document);
        var served = X509Certificate2.CreateFromPem(Field(entry, "certificate"));
        using X509Certificate2 onDisk = X509CertificateLoader.LoadCertificateFromFile(
            Path.Combine(AppContext.BaseDirectory, "certs", "cloud-cert.pem"));
        Assert.Equal(onDisk.RawData, served.RawData);
        Assert.Equal("pem", Field(entry, "certificateFormat"));
        Assert.Equal("SHA-256", Field(entry, "certificateFingerprintDigest"));
        Assert.Equal(ColonHex(SHA256.HashData(onDisk.RawData)), Field(entry, "certificateFingerprint"));
        Assert.Equal("CN=localcloud image bundling", served.Subject);
    }

    [Fact]
    public async Task DerFormatAndSha1DigestAreHonoured()
    {
        (int status, XDocument document) = await RawQueryClient.PostAsync(new Uri(cloud.BaseUrl, "services/Empyrean/"),
            "Action=DescribeServiceCertificates&Version=eucalyptus&Format=der&FingerprintDigest=SHA-1");

        Assert.Equal(200, status);
        XElement entry = ImageBundlingEntry(document);
        byte[] der = Convert.FromBase64String(Field(entry, "certificate"));
        Assert.Equal(cloud.Host.State.CloudCertificate.RawData, der);
        Assert.Equal(("der", "SHA-1"), (Field(entry, "certificateFormat"), Field(entry, "certificateFingerprintDigest")));
        Assert.Equal(ColonHex(SHA1.HashData(der)), Field(entry, "certificateFingerprint"));
    }

    [Fact]
    public async Task FiltersThatExcludeComputeReturnNoCertificates()
    {
        (int status, XDocument document) = await RawQueryClient.PostAsync(new Uri(cloud.BaseUrl, "services/Empyrean/"),
            EucalyptusRequest + "&Filter.1.Name=service-type&Filter.1.Value.1=objectstorage");

        Assert.Equal(200, status);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "item");
    }

    [Fact]
    public async Task IsNotAComputeAction()
    {
        (int status, XDocument document) = await RawQueryClient.PostAsync(new Uri(cloud.BaseUrl, "services/compute"), EucalyptusRequest);

        Assert.Equal((400, "InvalidAction"), (status, RawQueryClient.ErrorCode(document)));
    }

    [Fact]
    public async Task RequiresASignature()
    {
        (int status, XDocument document) = await RawQueryClient.SendUnsignedAsync(new Uri(cloud.BaseUrl, "services/Empyrean/"), EucalyptusRequest);

        Assert.Equal((401, "MissingAuthenticationToken"), (status, RawQueryClient.ErrorCode(document)));
    }

    /// <summary>What euca2ools picks: certificateUsage image-bundling and serviceType compute.</summary>
    private static XElement ImageBundlingEntry(XDocument document) => Assert.Single(
        document.Descendants().Where(e => e.Name.LocalName == "serviceCertificates").Elements(),
        item => Field(item, "certificateUsage") == "image-bundling" && Field(item, "serviceType") == "compute");

    private static string Field(XElement item, string name) => item.Elements().Single(e => e.Name.LocalName == name).Value;

    private static string ColonHex(byte[] hash) => string.Join(":", hash.Select(b => b.ToString("X2")));
}
