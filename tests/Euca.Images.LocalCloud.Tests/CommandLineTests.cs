using Euca.Images.LocalCloud.Hosting;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>The server's command line, as Start-EucaLocalCloud passes it.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void DefaultsToHttpOnAFreePort()
    {
        CommandLine line = CommandLine.Parse([]);

        // The import settings are a reference type; only their object storage URL depends on the command line.
        Assert.Equal(new CommandLine(0, null, null, null, null) { Import = line.Import }, line);
        Assert.Null(line.Import.ObjectStorageUrl);
    }

    [Fact]
    public void TakesTheTlsCertificateAndKey()
    {
        CommandLine line = CommandLine.Parse(["--port", "8773", "--tls-certificate", "server.pem", "--tls-key", "server-key.pem", "--parent-pid", "42"]);

        Assert.Equal(new CommandLine(8773, null, 42, "server.pem", "server-key.pem") { Import = line.Import }, line);
    }

    [Theory]
    [InlineData("--tls-certificate", "server.pem")]
    [InlineData("--tls-key", "server-key.pem")]
    public void RejectsACertificateWithoutItsKeyOrTheReverse(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse([option, value]));

        Assert.Contains("--tls-certificate and --tls-key go together", error.Message);
    }

    [Fact]
    public void GivesTheObjectStorageUrlToRegistrationAndImports()
    {
        CommandLine line = CommandLine.Parse(["--object-storage-url", "http://127.0.0.1:9000/", "--conversion-interval-ms", "5"]);

        Assert.Equal("http://127.0.0.1:9000/", line.ObjectStorageUrl);
        Assert.Equal(new Uri("http://127.0.0.1:9000/"), line.Import.ObjectStorageUrl);
        Assert.Equal(TimeSpan.FromMilliseconds(5), line.Import.ConversionStepInterval);
    }

    [Fact]
    public void TakesTheStateFolder()
    {
        CommandLine line = CommandLine.Parse(["--state-directory", "/srv/my-cloud"]);

        Assert.Equal("/srv/my-cloud", line.StateDirectory);
    }
}
