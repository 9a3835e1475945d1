using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Catalog
{
    /// <summary>A catalog is whatever a URL answers: every way one can be wrong or hostile ends in a stable error, within bounds.</summary>
    public sealed class HostileCatalogTests : IDisposable
    {
        private readonly CatalogServer _server = new CatalogServer();

        public void Dispose() => _server.Dispose();

        private static async Task<EucaException> RefusedAsync(Uri catalog, CatalogReadOptions? options = null)
        {
            using var reader = new CatalogReader(options);
            return await Assert.ThrowsAsync<EucaException>(() => reader.ReadAsync(catalog, null, CancellationToken.None));
        }

        private static async Task<CatalogListing> ReadAsync(Uri catalog)
        {
            using var reader = new CatalogReader();
            return await reader.ReadAsync(catalog, null, CancellationToken.None);
        }

        [Fact]
        public async Task ACatalogLargerThanTheCapIsRefused()
        {
            Uri catalog = _server.Add("big.json", "{ \"images\": [] }" + new string(' ', 8192));

            EucaException error = await RefusedAsync(catalog, new CatalogReadOptions { MaxCatalogBytes = 4096 });

            Assert.Equal(ErrorIds.CatalogTooLarge.Name, error.ErrorId);
        }

        [Theory]
        [InlineData("not json at all", "is not JSON")]
        [InlineData("{ \"images\": [ { \"os\": \"a\" } ", "is not JSON")]
        [InlineData("[ { \"os\": \"a\" } ]", "not a JSON object")]
        [InlineData("{ \"version\": \"v1\" }", "no 'images' array")]
        [InlineData("{ \"images\": { \"os\": \"a\" } }", "no 'images' array")]
        [InlineData("{ \"version\": [1], \"images\": [] }", "'version' that is not text")]
        public async Task ADocumentThatIsNotACatalogIsRefusedWithTheReason(string document, string reason)
        {
            EucaException error = await RefusedAsync(_server.Add("bad.json", document));

            Assert.Equal(ErrorIds.CatalogInvalid.Name, error.ErrorId);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public async Task JsonNestedDeeperThanTheCapIsRefused()
        {
            string deep = "{ \"images\": [ { \"os\": \"a\", \"x\": " + new string('[', 100) + new string(']', 100) + " } ] }";

            EucaException error = await RefusedAsync(_server.Add("deep.json", deep));

            Assert.Equal(ErrorIds.CatalogInvalid.Name, error.ErrorId);
            Assert.Contains("deeper than 32", error.Message);
        }

        [Theory]
        [InlineData("{ \"os\": null, \"url\": \"http://example.org/a\" }", "has no 'os'")]
        [InlineData("{ \"os\": { \"name\": \"a\" }, \"url\": \"http://example.org/a\" }", "'os' that is not text")]
        [InlineData("{ \"os\": \"a\", \"url\": [\"http://example.org/a\"] }", "'url' that is not text")]
        [InlineData("{ \"os\": \"a\", \"url\": \"ftp://example.org/a.raw\" }", "not an http or https URL")]
        [InlineData("{ \"os\": \"a\", \"url\": \"file:///etc/passwd\" }", "not an http or https URL")]
        [InlineData("\"just text\"", "not an object")]
        public async Task AnEntryOfTheWrongShapeOrWithAForbiddenUrlIsAnErrorAndTheOthersAreListed(string entry, string reason)
        {
            Uri catalog = _server.Add("mixed.json", "{ \"version\": \"v\", \"images\": [ " + entry + ", { \"os\": \"good\", \"url\": \"https://example.org/good.raw\" } ] }");

            CatalogListing listing = await ReadAsync(catalog);

            Assert.Equal("good", Assert.Single(listing.Images).Name);
            EucaException error = Assert.Single(listing.Errors);
            Assert.Equal(ErrorIds.CatalogEntryInvalid.Name, error.ErrorId);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public async Task AnEntrysNameIsShortenedAndStrippedOfControlCharactersInMessages()
        {
            string name = "\u001b[2J\u001b]0;owned\u0007" + new string('n', 500);
            string quoted = System.Text.Json.JsonSerializer.Serialize(name);
            Uri catalog = _server.Add("escapes.json", "{ \"images\": [ { \"os\": " + quoted + " }, { \"os\": \"a\", \"url\": " + quoted.Replace("\"\\u001B", "\"ftp:\\u001B") + " } ] }");

            CatalogListing listing = await ReadAsync(catalog);

            Assert.Equal(2, listing.Errors.Count);
            Assert.All(listing.Errors, error =>
            {
                Assert.DoesNotContain('\u001b', error.Message);
                Assert.DoesNotContain('\u0007', error.Message);
                Assert.True(error.Message.Length < 300, error.Message);
            });
        }

        [Fact]
        public async Task AnEustoreEntryWithWrongFieldTypesIsAnError()
        {
            Uri catalog = _server.Add("eustore", "{ \"version\": \"eustore-catalog-2011-12-29\", \"images\": [" +
                "{ \"name\": \"1234567890\", \"url\": \"a.tgz\", \"hypervisors-supported\": \"kvm\" }," +
                "{ \"name\": \"1234567891\", \"url\": \"b.tgz\", \"single-kernel\": \"maybe\" }," +
                "{ \"name\": \"not-digits\", \"url\": \"c.tgz\" }," +
                "{ \"name\": \"1234567892\", \"url\": \"d.tgz\", \"date\": \"yesterday\" } ] }");

            CatalogListing listing = await ReadAsync(catalog);

            Assert.Empty(listing.Images);
            Assert.Collection(listing.Errors,
                e => Assert.Contains("not a list of text", e.Message),
                e => Assert.Contains("neither true nor false", e.Message),
                e => Assert.Contains("ten-digit", e.Message),
                e => Assert.Contains("YYYYMMDDhhmmss", e.Message));
        }

        [Fact]
        public async Task AServerThatNeverAnswersTimesOut()
        {
            Uri catalog = _server.Add("slow.json", "{ \"images\": [] }");
            _server.Delay("slow.json", TimeSpan.FromSeconds(3));
            var clock = Stopwatch.StartNew();

            EucaException error = await RefusedAsync(catalog, new CatalogReadOptions { FetchTimeout = TimeSpan.FromMilliseconds(300) });

            Assert.Equal(ErrorIds.CatalogTimeout.Name, error.ErrorId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task AServerThatStallsInTheMiddleOfTheBodyTimesOut()
        {
            Uri catalog = _server.Add("stalling.json", "{ \"images\": [] }" + new string(' ', 200 * 1024));
            _server.Stall("stalling.json", TimeSpan.FromSeconds(3));
            var clock = Stopwatch.StartNew();

            EucaException error = await RefusedAsync(catalog, new CatalogReadOptions { FetchTimeout = TimeSpan.FromMilliseconds(500) });

            Assert.Equal(ErrorIds.CatalogTimeout.Name, error.ErrorId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task ACompressedBodyIsCappedByWhatItDecompressesTo()
        {
            byte[] bomb = Encoding.UTF8.GetBytes("{ \"images\": [] }" + new string(' ', 8 * 1024 * 1024));
            Uri catalog = _server.AddGzipped("bomb.json", bomb);

            EucaException error = await RefusedAsync(catalog, new CatalogReadOptions { MaxCatalogBytes = 1024 * 1024 });

            Assert.Equal(ErrorIds.CatalogTooLarge.Name, error.ErrorId);
            Assert.True(_server.BytesSent["/bomb.json"] < 1024 * 1024, "the compressed body is small");
        }

        [Fact]
        public async Task ACompressedCatalogIsRead()
        {
            Uri catalog = _server.AddGzipped("small.json", Encoding.UTF8.GetBytes("{ \"images\": [ { \"os\": \"a\", \"url\": \"x.raw\" } ] }"));

            CatalogListing listing = await ReadAsync(catalog);

            Assert.Equal("a", Assert.Single(listing.Images).Name);
        }

        [Theory]
        [InlineData(404, "CatalogNotFound")]
        [InlineData(500, "CatalogUnreachable")]
        [InlineData(403, "CatalogUnreachable")]
        public async Task AnErrorStatusIsReportedWithItsId(int status, string errorId)
        {
            EucaException error = await RefusedAsync(_server.Fail("catalog", status));

            Assert.Equal(errorId, error.ErrorId);
        }

        [Fact]
        public async Task AMissingFileAndARefusedConnectionAreReportedWithTheirIds()
        {
            using var folder = new TempDirectory();

            EucaException missing = await RefusedAsync(new Uri(folder.File("none.json")));
            EucaException refused = await RefusedAsync(new Uri($"http://127.0.0.1:{LoopbackHttpServer.FreePort()}/catalog"));

            Assert.Equal(ErrorIds.CatalogNotFound.Name, missing.ErrorId);
            Assert.Equal(ErrorIds.CatalogUnreachable.Name, refused.ErrorId);
        }

        [Fact]
        public async Task PasswordsInTheUrlNeverAppearInMessagesOrEntries()
        {
            Uri catalog = _server.Add("catalog.json", "{ \"images\": [ { \"os\": \"a\", \"url\": \"x.raw\" }, { \"url\": \"y.raw\" } ] }");
            var withPassword = new UriBuilder(catalog) { UserName = "reader", Password = "hunter2secret" }.Uri;

            CatalogListing listing = await ReadAsync(withPassword);

            Assert.DoesNotContain("hunter2secret", listing.Images[0].Catalog);
            Assert.DoesNotContain("hunter2secret", listing.Catalog);
            Assert.DoesNotContain("hunter2secret", listing.Errors[0].Message);
        }
    }
}
