using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Catalog
{
    /// <summary>eucalyptus-images entries that name their download through <c>url-meta</c> and <c>url-meta-regex</c> (Fedora CoreOS).</summary>
    public sealed class UrlMetaTests : IDisposable
    {
        // Shaped like Fedora CoreOS' stream metadata, cut down to what the regex reads.
        private const string Stream = @"{ ""stream"": ""stable"", ""architectures"": { ""x86_64"": { ""artifacts"": { ""openstack"": {
  ""release"": ""34.20210626.3.1"", ""formats"": { ""qcow2.xz"": { ""disk"": {
  ""location"": ""https://builds.example.org/prod/streams/stable/builds/34.20210626.3.1/x86_64/fedora-coreos-34.20210626.3.1-openstack.x86_64.qcow2.xz"",
  ""sha256"": ""0d9a"" } } } } } } }";

        private const string FcosRegex = @"""location"": ""(https://[^""]*openstack[^""]*qcow2\.xz)""";

        private readonly CatalogServer _server = new CatalogServer();

        public void Dispose() => _server.Dispose();

        private Uri Catalog(params string[] entries) =>
            _server.Add("catalog.json", $@"{{ ""version"": ""v5"", ""images"": [ {string.Join(",", entries)} ] }}");

        private static string MetaEntry(string os, string meta, string regex) =>
            $@"{{ ""os"": ""{os}"", ""login"": ""core"", ""image-format"": ""qcow2"", ""url-meta"": ""{meta}"", ""url-meta-regex"": {System.Text.Json.JsonSerializer.Serialize(regex)} }}";

        private static async Task<CatalogListing> ReadAsync(Uri catalog, CatalogReadOptions? options = null)
        {
            using var reader = new CatalogReader(options);
            return await reader.ReadAsync(catalog, null, CancellationToken.None);
        }

        [Fact]
        public async Task TheDownloadUrlIsTheRegexsFirstGroupInTheFetchedDocument()
        {
            _server.Add("streams/stable.json", Stream);
            Uri catalog = Catalog(MetaEntry("fedora-coreos", "streams/stable.json", FcosRegex));

            CatalogListing listing = await ReadAsync(catalog);

            CatalogImage fcos = Assert.Single(listing.Images);
            Assert.Equal(new Uri("https://builds.example.org/prod/streams/stable/builds/34.20210626.3.1/x86_64/fedora-coreos-34.20210626.3.1-openstack.x86_64.qcow2.xz"), fcos.Uri);
            Assert.Equal(("fedora-coreos", "core"), (fcos.Name, fcos.LoginUser));
            Assert.Equal(new Uri(_server.Url, "streams/stable.json").AbsoluteUri, fcos.Details["url-meta"]);
        }

        [Fact]
        public async Task ADocumentNamedByTwoEntriesIsFetchedOnce()
        {
            _server.Add("streams/stable.json", Stream);
            Uri catalog = Catalog(MetaEntry("fcos-a", "streams/stable.json", FcosRegex), MetaEntry("fcos-b", "streams/stable.json", @"https://[^""]*qcow2\.xz"));

            CatalogListing listing = await ReadAsync(catalog);

            Assert.Equal(2, listing.Images.Count);
            Assert.Equal(listing.Images[0].Uri, listing.Images[1].Uri);
            Assert.Equal(Stream.Length, _server.BytesSent["/streams/stable.json"]);
        }

        [Theory]
        [InlineData("missing.json", FcosRegex, "could not be read")]
        [InlineData("streams/stable.json", @"""location"": ""(ftp://[^""]*)""", "matches nothing")]
        [InlineData("streams/stable.json", @"""(sha256)""", "not an http or https URL")]
        [InlineData("streams/stable.json", @"(unclosed", "not a valid expression")]
        public async Task AnEntryWhoseMetaCannotBeResolvedIsAnErrorNamingItAndTheOthersAreListed(string meta, string regex, string problem)
        {
            _server.Add("streams/stable.json", Stream);
            Uri catalog = Catalog(MetaEntry("broken", meta, regex), @"{ ""os"": ""plain"", ""url"": ""http://example.org/plain.raw"" }");

            CatalogListing listing = await ReadAsync(catalog);

            Assert.Equal("plain", Assert.Single(listing.Images).Name);
            EucaException error = Assert.Single(listing.Errors);
            Assert.Equal(ErrorIds.CatalogUrlMetaUnresolved.Name, error.ErrorId);
            Assert.Contains("'broken'", error.Message);
            Assert.Contains(problem, error.Message);
        }

        [Fact]
        public async Task ARegexThatBacktracksForeverIsStoppedByItsTimeout()
        {
            _server.Add("slow.json", "\"" + new string('a', 5000) + "!\"");
            Uri catalog = Catalog(MetaEntry("catastrophic", "slow.json", "(a+)+$x"));

            CatalogListing listing = await ReadAsync(catalog, new CatalogReadOptions { RegexTimeout = TimeSpan.FromMilliseconds(200) });

            EucaException error = Assert.Single(listing.Errors);
            Assert.Equal(ErrorIds.CatalogUrlMetaUnresolved.Name, error.ErrorId);
            Assert.Contains("ran longer than", error.Message);
        }

        [Fact]
        public async Task AMetaDocumentLargerThanTheCapIsNotRead()
        {
            _server.Add("huge.json", new string(' ', 4096) + Stream);
            Uri catalog = Catalog(MetaEntry("huge", "huge.json", FcosRegex));

            CatalogListing listing = await ReadAsync(catalog, new CatalogReadOptions { MaxMetaBytes = 1024 });

            EucaException error = Assert.Single(listing.Errors);
            Assert.Equal(ErrorIds.CatalogUrlMetaUnresolved.Name, error.ErrorId);
            Assert.Equal(ErrorIds.CatalogTooLarge.Name, Assert.IsType<EucaException>(error.InnerException).ErrorId);
        }

        [Fact]
        public async Task AUrlMetaOnAnotherSchemeIsRefusedBeforeAnythingIsFetched()
        {
            Uri catalog = Catalog(MetaEntry("local", "file:///etc/passwd", "(.*)"));

            CatalogListing listing = await ReadAsync(catalog);

            Assert.Empty(listing.Images);
            Assert.Equal(ErrorIds.CatalogEntryInvalid.Name, Assert.Single(listing.Errors).ErrorId);
            Assert.Equal(new[] { "/catalog.json" }, _server.BytesSent.Keys);
        }
    }
}
