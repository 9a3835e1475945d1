using System.Xml.Linq;
using Xunit.Abstractions;

namespace Euca.Images.LocalCloud.Tests.Euca2oolsStyle;

/// <summary>The answers' namespace follows the request's Version, and empty results keep their set element.</summary>
public sealed class ResponseShapeTests(LocalCloudFixture cloud, ITestOutputHelper output) : IClassFixture<LocalCloudFixture>
{
    [Theory]
    [InlineData("2014-06-15", "http://ec2.amazonaws.com/doc/2014-06-15/")]
    [InlineData("2015-10-01", "http://ec2.amazonaws.com/doc/2015-10-01/")]
    [InlineData("", "http://ec2.amazonaws.com/doc/2016-11-15/")]
    public async Task TheNamespaceIsTheOneOfTheRequestedVersion(string version, string expected)
    {
        var client = new Euca2oolsStyleClient(new Uri(cloud.BaseUrl, "services/compute"), output) { Version = version };

        (_, XDocument answer) = await client.SendAsync("DescribeSnapshots", ("Owner.1", "self"));

        Assert.Equal(expected, answer.Ns().NamespaceName);
        Assert.All(answer.Descendants(), e => Assert.Equal(expected, e.Name.NamespaceName));
    }

    [Theory]
    [InlineData("DescribeSnapshots", "snapshotSet", "Owner.1", "000000000001")]
    [InlineData("DescribeImages", "imagesSet", "Owner.1", "123456789012")]
    [InlineData("DescribeVolumes", "volumeSet", "Filter.1.Name", "size")]
    [InlineData("DescribeBundleTasks", "bundleInstanceTasksSet", "Filter.1.Name", "state")]
    [InlineData("DescribeConversionTasks", "conversionTasks", null, null)]
    public async Task AnEmptyResultKeepsItsSetElement(string action, string set, string? field, string? value)
    {
        var client = new Euca2oolsStyleClient(new Uri(cloud.BaseUrl, "services/compute"), output, DefaultKeys.VendorAccessKey, DefaultKeys.VendorSecret);
        var fields = new List<(string, string)>();
        if (field is not null)
        {
            fields.Add((field, value!));
        }

        if (field == "Filter.1.Name")
        {
            fields.Add(("Filter.1.Value.1", "no-such-value"));
        }

        (int status, XDocument answer) = await client.SendAsync(action, [.. fields]);

        Assert.Equal(200, status);
        XElement element = answer.Root!.Child(set);
        Assert.Empty(element.Nodes());
    }
}
