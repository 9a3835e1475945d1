using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tags;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Tags
{
    /// <summary>What TagService sends and refuses, against a loopback server answering as Eucalyptus.</summary>
    public sealed class TagServiceTests
    {
        private const string Ns = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

        private static LoopbackServer Answering(string action) =>
            new LoopbackServer(_ => new LoopbackServer.Response(200, $"<{action}Response {Ns}><requestId>r</requestId><return>true</return></{action}Response>"));

        [Fact]
        public async Task CreateTagsSendsCanonicalIdsAndEveryTag()
        {
            using var server = Answering("CreateTags");
            using var connection = CloudTestSettings.Connect(server.Url);

            await new TagService(connection).CreateTagsAsync(new[] { "EMI-1A2B3C4D", "snap-1a2b3c4d" }, new Dictionary<string, string> { ["role"] = "web" }, CancellationToken.None);

            string body = WebUtility.UrlDecode(Assert.Single(server.Requests).Body);
            Assert.Contains("Action=CreateTags", body);
            Assert.Contains("ResourceId.1=emi-1a2b3c4d&ResourceId.2=snap-1a2b3c4d", body);
            Assert.Contains("Tag.1.Key=role&Tag.1.Value=web", body);
        }

        [Theory]
        [InlineData("aws:stack")]
        [InlineData("EUCA:zone")]
        [InlineData("")]
        public async Task AReservedOrEmptyKeyIsRefusedBeforeAnyCall(string key)
        {
            using var server = Answering("CreateTags");
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new TagService(connection).CreateTagsAsync(new[] { "vol-1a2b3c4d" }, new Dictionary<string, string> { [key] = "v" }, CancellationToken.None));

            Assert.Equal(ErrorIds.TagInvalid.Name, error.ErrorId);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public void AValueLongerThan256CharactersIsRefused()
        {
            var error = Assert.Throws<EucaException>(() => TagService.Check(new Dictionary<string, string> { ["k"] = new string('v', 257) }));

            Assert.Equal(ErrorIds.TagInvalid.Name, error.ErrorId);
        }

        [Fact]
        public async Task AnIdOfNoTaggableKindIsRefusedBeforeAnyCall()
        {
            using var server = Answering("CreateTags");
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new TagService(connection).CreateTagsAsync(new[] { "bun-1a2b3c4d" }, new Dictionary<string, string> { ["k"] = "v" }, CancellationToken.None));

            Assert.Equal((ErrorIds.TaggableResourceIdInvalid.Name, (object?)"bun-1a2b3c4d"), (error.ErrorId, error.Target));
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task DeletingWithoutKeysSendsNothingSinceTheCloudWouldDeleteEveryTag()
        {
            using var server = Answering("DeleteTags");
            using var connection = CloudTestSettings.Connect(server.Url);

            await new TagService(connection).DeleteTagsAsync(new[] { "vol-1a2b3c4d" }, new Dictionary<string, string?>(), CancellationToken.None);

            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task DeletingAKeyWithoutAValueSendsNoValue()
        {
            using var server = Answering("DeleteTags");
            using var connection = CloudTestSettings.Connect(server.Url);

            await new TagService(connection).DeleteTagsAsync(new[] { "vol-1a2b3c4d" }, new Dictionary<string, string?> { ["a"] = null, ["b"] = "2" }, CancellationToken.None);

            string body = WebUtility.UrlDecode(Assert.Single(server.Requests).Body);
            Assert.Contains("Tag.1.Key=a&Tag.2.Key=b&Tag.2.Value=2", body);
            Assert.DoesNotContain("Tag.1.Value", body);
        }

        [Fact]
        public async Task DescribedTagsAreOrderedByResourceThenKey()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, $"<DescribeTagsResponse {Ns}><requestId>r</requestId><tagSet>"
                + "<item><resourceId>vol-2b3c4d5e</resourceId><resourceType>volume</resourceType><key>a</key><value>1</value></item>"
                + "<item><resourceId>emi-1a2b3c4d</resourceId><resourceType>image</resourceType><key>z</key><value/></item>"
                + "<item><resourceId>emi-1a2b3c4d</resourceId><resourceType>image</resourceType><key>b</key><value>2</value></item>"
                + "</tagSet></DescribeTagsResponse>"));
            using var connection = CloudTestSettings.Connect(server.Url);

            var tags = await new TagService(connection).GetTagsAsync(null, new[] { "a", "b", "z" }, CancellationToken.None);

            Assert.Equal(new[] { "emi-1a2b3c4d b=2", "emi-1a2b3c4d z=", "vol-2b3c4d5e a=1" }, tags.Select(t => t.ToString()));
            Assert.Contains("Filter.1.Name=key", WebUtility.UrlDecode(Assert.Single(server.Requests).Body));
        }
    }
}
