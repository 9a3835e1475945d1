using System.Text.RegularExpressions;

namespace Euca.Images.LocalCloud.Protocol;

/// <summary>The namespace of an EC2 answer. Eucalyptus binds each request with the namespace of the `Version` it
/// sent and answers in that namespace (msgs RestfulMarshallingHandler.incomingMessage: a `yyyy-MM-dd` Version selects
/// "http://ec2.amazonaws.com/doc/%s/"; none selects ComputeQueryBinding's default 2016-11-15). A client of 2014 that
/// sends Version=2014-06-15 reads `http://ec2.amazonaws.com/doc/2014-06-15/` back; parsers that match the namespace
/// depend on it.</summary>
public static partial class Ec2Namespace
{
    /// <summary>ComputeQueryBinding.COMPUTE_DEFAULT_VERSION: the newest API version Eucalyptus 4.4 speaks.</summary>
    public const string DefaultVersion = "2016-11-15";

    [GeneratedRegex(@"^\d\d\d\d-\d\d-\d\d$")]
    private static partial Regex VersionPattern();

    /// <summary>The namespace for a request's Version; a missing or malformed Version gets the default's.</summary>
    public static string For(string? version) =>
        $"http://ec2.amazonaws.com/doc/{(version is not null && VersionPattern().IsMatch(version) ? version : DefaultVersion)}/";
}
