using Euca.Images.LocalCloud.Hosting;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>The server's command line, as Start-EucaLocalCloud passes it.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void DefaultsToHttpOnAFreePort()
    {
        CommandLine line = CommandLine.Parse([]);

        Assert.Equal(new CommandLine(0, null, null, null, null), line);
    }

    [Fact]
    public void TakesTheTlsCertificateAndKey()
    {
        CommandLine line = CommandLine.Parse(["--port", "8773", "--tls-certificate", "server.pem", "--tls-key", "server-key.pem", "--parent-pid", "42"]);

        Assert.Equal(new CommandLine(8773, null, 42, "server.pem", "server-key.pem"), line);
    }

    [Theory]
    [InlineData("--tls-certificate", "server.pem")]
    [InlineData("--tls-key", "server-key.pem")]
    public void RejectsACertificateWithoutItsKeyOrTheReverse(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse([option, value]));

        Assert.Contains("--tls-certificate and --tls-key go together", error.Message);
    }
}
