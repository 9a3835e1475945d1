using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Storage
{
    /// <summary>
    /// Parallel uploads into one new bucket: each sees it missing, one creates it, and the others' PUT answers 409. The
    /// bucket exists and is the caller's, so their uploads go on.
    /// </summary>
    public sealed class BucketCreationRaceTests
    {
        private const string Listing = "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>race</Name><IsTruncated>false</IsTruncated></ListBucketResult>";

        [Theory]
        [InlineData("BucketAlreadyExists")]
        [InlineData("BucketAlreadyOwnedByYou")]
        public async Task ABucketAnotherUploadCreatedMeanwhileIsUsed(string code)
        {
            int lists = 0;
            using var server = new LoopbackServer(r => r.Method == "PUT"
                ? new LoopbackServer.Response(409, $"<Error><Code>{code}</Code><Message>The requested bucket already exists</Message></Error>", "application/xml")
                : Interlocked.Increment(ref lists) == 1
                    ? new LoopbackServer.Response(404, "<Error><Code>NoSuchBucket</Code><Message>missing</Message></Error>", "application/xml")
                    : new LoopbackServer.Response(200, Listing, "application/xml"));
            using CloudConnection connection = S3rverFixture.Connect(server.Url);

            bool created = await ObjectStore.For(connection, new RetryPolicy(seed: 1) { MaxAttempts = 1 }).EnsureBucketAsync("race", null, CancellationToken.None);

            Assert.False(created);
            Assert.Equal(new[] { "GET", "PUT", "GET" }, server.Requests.Select(r => r.Method));
        }
    }
}
