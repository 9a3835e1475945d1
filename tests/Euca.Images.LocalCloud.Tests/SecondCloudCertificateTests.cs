using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Euca.Images.LocalCloud.Configuration;
using Euca.Images.LocalCloud.Hosting;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>A second local cloud plays another cloud: it serves (and holds the key of) another cloud certificate.</summary>
public sealed class SecondCloudCertificateTests
{
    [Fact]
    public void TheCommandLineTakesTheCertificateAndKeyTogether()
    {
        CommandLine line = CommandLine.Parse(["--cloud-certificate", "certs/second-cloud-cert.pem", "--cloud-key", "certs/second-cloud-key.pem"]);

        Assert.Equal(Path.GetFullPath("certs/second-cloud-cert.pem"), line.CloudCertificate!.CertificatePath);
        Assert.Equal(Path.GetFullPath("certs/second-cloud-key.pem"), line.CloudCertificate.PrivateKeyPath);
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--cloud-certificate", "certs/second-cloud-cert.pem"]));
        Assert.Contains("--cloud-certificate and --cloud-key go together", error.Message);
    }

    [Fact]
    public async Task TheBootstrapServiceServesTheOtherCertificate()
    {
        string certs = Path.Combine(AppContext.BaseDirectory, "certs");
        await using var host = new LocalCloudHost(new LocalCloudOptions
        {
            CloudCertificate = new CertificateFiles
            {
                CertificatePath = Path.Combine(certs, "second-cloud-cert.pem"),
                PrivateKeyPath = Path.Combine(certs, "second-cloud-key.pem"),
            },
        });
        Uri url = await host.StartAsync();

        (int status, XDocument document) = await RawQueryClient.PostAsync(new Uri(url, "services/Empyrean/"),
            "Action=DescribeServiceCertificates&Version=eucalyptus&Format=pem&FingerprintDigest=SHA-256");

        Assert.Equal(200, status);
        string pem = document.Descendants().First(e => e.Name.LocalName == "certificate").Value;
        Assert.Equal("CN=localcloud second cloud image bundling", X509Certificate2.CreateFromPem(pem).Subject);
        Assert.True(host.State.CloudCertificate.HasPrivateKey);
    }
}
