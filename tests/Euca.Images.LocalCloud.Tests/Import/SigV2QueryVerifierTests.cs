using Euca.Images.LocalCloud.Auth;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Tests.Import;

/// <summary>The verifier against the query-string example of the Amazon S3 developer guide (signature version 2):
/// AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, Expires 1175139620, resource
/// /johnsmith/photos/puppy.jpg, Signature NpgCjnDzrM+WFzoENXmpNDUsSn8=.</summary>
public sealed class SigV2QueryVerifierTests
{
    private const string Published = "http://s3.example/johnsmith/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D";
    private static readonly Uri Storage = new("http://s3.example/");
    private static readonly DateTimeOffset BeforeExpiry = DateTimeOffset.FromUnixTimeSeconds(1175139000);
    private static readonly Account Owner = new("123456789012", "a", false,
        [new AccessKey("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null)], null);

    [Fact]
    public void AcceptsThePublishedExample() => Assert.Null(SigV2QueryVerifier.Check(Published, "GET", Storage, Owner, BeforeExpiry));

    [Fact]
    public void AcceptsItUnderAnEndpointPath() =>
        Assert.Null(SigV2QueryVerifier.Check(Published.Replace("s3.example/", "s3.example/services/objectstorage/"), "GET",
            new Uri("http://s3.example/services/objectstorage"), Owner, BeforeExpiry));

    [Theory]
    [InlineData("HEAD", "does not match")]
    [InlineData("DELETE", "does not match")]
    public void RejectsAnotherMethod(string method, string reason) =>
        Assert.Contains(reason, SigV2QueryVerifier.Check(Published, method, Storage, Owner, BeforeExpiry));

    [Fact]
    public void RejectsAfterExpiry() =>
        Assert.Contains("expired", SigV2QueryVerifier.Check(Published, "GET", Storage, Owner, DateTimeOffset.FromUnixTimeSeconds(1175139621)));

    [Fact]
    public void RejectsATamperedKey() =>
        Assert.Contains("does not match", SigV2QueryVerifier.Check(Published.Replace("puppy", "kitten"), "GET", Storage, Owner, BeforeExpiry));

    [Fact]
    public void RejectsAKeyOfAnotherAccount()
    {
        var other = new Account("210987654321", "b", false, [new AccessKey("AKIAOTHER", "x", null)], null);

        Assert.Contains("not a key of account 210987654321", SigV2QueryVerifier.Check(Published, "GET", Storage, other, BeforeExpiry));
    }

    [Fact]
    public void RejectsAUrlOutsideObjectStorage() =>
        Assert.Contains("not in this cloud's object storage", SigV2QueryVerifier.Check(Published, "GET", new Uri("http://other.example/"), Owner, BeforeExpiry));

    [Fact]
    public void RejectsAnUnsignedUrl() =>
        Assert.Contains("not pre-signed", SigV2QueryVerifier.Check("http://s3.example/b/k", "GET", Storage, Owner, BeforeExpiry));
}
