using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Volumes;

namespace Euca.Images.Engine.Tests.Cloud
{
    /// <summary>Issue 11, class 6: compute endpoints that answer with web pages, redirect, or never answer.</summary>
    public sealed class MisbehavingComputeTests
    {
        private static CloudConnection Connect(Uri url, CloudConnectionOptions options) => new CloudConnection(CloudTestSettings.For(url), options);

        [Theory]
        [InlineData("<html><body><h1>Welcome</h1></body></html>", "text/html")]
        [InlineData("<?xml version=\"1.0\"?><SomethingElse><volumeSet/></SomethingElse>", "text/xml")]
        [InlineData("", "text/plain")]
        [InlineData("<DescribeVolumesResponse><requestId>r</requestId><volumeSet><item><volumeId>vol-1a2b3c4d</volumeId><size>ten</size></item></volumeSet></DescribeVolumesResponse>", "text/xml")]
        public async Task AnAnswerThatIsNotAnEc2AnswerIsAnErrorNotAnEmptyList(string body, string contentType)
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, body, contentType));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new VolumeService(connection).GetVolumesAsync(null, null, null, CancellationToken.None));

            Assert.Equal("CloudAnswerInvalid", error.ErrorId);
        }

        [Fact]
        public async Task ARedirectToAnotherHostIsNotFollowed()
        {
            using var elsewhere = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeVolumes()));
            using var redirecting = new LoopbackServer(_ => new LoopbackServer.Response(307, "", location: elsewhere.Url.ToString()));
            using var connection = CloudTestSettings.Connect(redirecting.Url);

            await Assert.ThrowsAsync<EucaException>(() => new VolumeService(connection).GetVolumesAsync(null, null, null, CancellationToken.None));

            Assert.Single(redirecting.Requests);
            Assert.Empty(elsewhere.Requests);
        }

        [Fact]
        public async Task AnEndpointThatNeverAnswersFailsWhenTheCallTimeoutIsUsedUpRetriesIncluded()
        {
            // The default allows well under a minute; a short one keeps the test quick. Each attempt alone may take 10 s.
            Assert.InRange(new CloudConnectionOptions().ComputeCallTimeout, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(40));
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeVolumes(), delay: TimeSpan.FromSeconds(4)));
            using var connection = Connect(server.Url, new CloudConnectionOptions { Timeout = TimeSpan.FromSeconds(10), MaxErrorRetry = 3, ComputeCallTimeout = TimeSpan.FromSeconds(1) });
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<EucaException>(() => new VolumeService(connection).GetVolumesAsync(null, null, null, CancellationToken.None));

            Assert.Equal("CloudTimeout", error.ErrorId);
            Assert.Equal(EucaErrorCategory.OperationTimeout, error.Category);
            Assert.Contains("did not answer within 1 s", error.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        }
    }
}
