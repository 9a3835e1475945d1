using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>The flattened query parameter helpers every action relies on.</summary>
public sealed class QueryParametersTests
{
    [Fact]
    public void ListsAreOrderedNumericallyAndMayHaveGaps()
    {
        var parameters = Parameters(("ImageId.10", "c"), ("ImageId.2", "b"), ("ImageId.1", "a"), ("ImageIdX", "no"), ("ImageId.x", "no"));

        Assert.Equal(["a", "b", "c"], parameters.GetList("ImageId"));
    }

    [Fact]
    public void StructListsGroupMembersPerIndex()
    {
        var parameters = Parameters(
            ("BlockDeviceMapping.2.DeviceName", "/dev/sdb"), ("BlockDeviceMapping.2.VirtualName", "ephemeral0"),
            ("BlockDeviceMapping.1.DeviceName", "/dev/sda"), ("BlockDeviceMapping.1.Ebs.SnapshotId", "snap-12345678"));

        IReadOnlyList<QueryParameters> mappings = parameters.GetStructList("BlockDeviceMapping");

        Assert.Equal(2, mappings.Count);
        Assert.Equal(("/dev/sda", "snap-12345678"), (mappings[0].Get("DeviceName"), mappings[0].Get("Ebs.SnapshotId")));
        Assert.Equal(("/dev/sdb", "ephemeral0"), (mappings[1].Get("DeviceName"), mappings[1].Get("VirtualName")));
    }

    [Fact]
    public void FiltersCarryTheirValues()
    {
        var parameters = Parameters(("Filter.1.Name", "name"), ("Filter.1.Value.2", "b*"), ("Filter.1.Value.1", "a*"),
            ("Filter.2.Name", "state"), ("Filter.2.Value.1", "available"));

        IReadOnlyList<RequestFilter> filters = parameters.GetFilters();

        Assert.Equal(2, filters.Count);
        Assert.Equal("name", filters[0].Name);
        Assert.Equal(["a*", "b*"], filters[0].Values);
        Assert.Equal(["available"], filters[1].Values);
    }

    [Fact]
    public void FilterWithoutNameIsInvalidParameterValue()
    {
        var parameters = Parameters(("Filter.1.Value.1", "x"));

        Assert.Equal("InvalidParameterValue", Assert.Throws<CloudErrorException>(() => parameters.GetFilters()).Code);
    }

    [Theory]
    [InlineData("emi-*", "emi-12345678", true)]
    [InlineData("emi-????????", "emi-12345678", true)]
    [InlineData("emi-????????", "emi-0ba907069cb1845bc", false)]
    [InlineData("Centos*", "centos-7", false)]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData("a.b", "axb", false)]
    public void WildcardsMatchLikeEc2(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, new WildcardPattern(pattern).IsMatch(value));
    }

    private static QueryParameters Parameters(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value));
}
