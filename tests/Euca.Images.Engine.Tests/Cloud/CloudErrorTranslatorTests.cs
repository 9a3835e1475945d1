using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Cloud
{
    /// <summary>Real SDK exceptions, produced against loopback endpoints, mapped to engine errors.</summary>
    public class CloudErrorTranslatorTests
    {
        private const string AuthFailureXml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message></Error></Errors><RequestID>r-1</RequestID></Response>";

        [Fact]
        public async Task ClosedPortIsUnreachableAndFailsFast()
        {
            var url = new Uri($"http://127.0.0.1:{LoopbackHttpServer.FreePort()}/services/compute");
            using var connection = CloudTestSettings.Connect(url, TimeSpan.FromSeconds(5));
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageService(connection).GetImagesAsync(new ImageQuery(), CancellationToken.None));

            Assert.Equal("CloudUnreachable", error.ErrorId);
            Assert.Equal(EucaErrorCategory.ConnectionError, error.Category);
            Assert.Contains(url.ToString(), error.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        }

        [Fact]
        public async Task AuthFailureBecomesAuthenticationErrorWithoutTheSecret()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(401, AuthFailureXml));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageService(connection).GetImagesAsync(new ImageQuery(), CancellationToken.None));

            Assert.Equal("CloudAuthenticationFailed", error.ErrorId);
            Assert.Equal(EucaErrorCategory.AuthenticationError, error.Category);
            Assert.Contains("access key", error.Message);
            Assert.Contains(server.Url.ToString(), error.Message);
            Assert.DoesNotContain(CloudTestSettings.Secret, error.Message);
            Assert.DoesNotContain(CloudTestSettings.Secret, connection.ToString());
        }

        [Fact]
        public async Task HtmlServerErrorBecomesServiceError()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(500, "<html><body><h1>500 Not Implemented</h1></body></html>", "text/html"));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageService(connection).GetImagesAsync(new ImageQuery(), CancellationToken.None));

            Assert.Equal("CloudServiceError", error.ErrorId);
            Assert.Single(server.Requests); // MaxErrorRetry = 0: no retries
        }

        [Fact]
        public async Task OtherServiceErrorsKeepTheirCode()
        {
            const string xml = "<Response><Errors><Error><Code>InvalidAMIID.Malformed</Code><Message>The image id '[emi-12345678]' is malformed</Message></Error></Errors><RequestID>r</RequestID></Response>";
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, xml));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() =>
                new ImageService(connection).GetImagesAsync(new ImageQuery { ImageIds = new[] { "emi-12345678" } }, CancellationToken.None));

            Assert.Equal("Cloud.InvalidAMIID.Malformed", error.ErrorId);
            Assert.Contains("is malformed", error.Message);
        }

        [Fact]
        public async Task SlowServerTimesOut()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, "<x/>", delay: TimeSpan.FromSeconds(4)));
            using var connection = CloudTestSettings.Connect(server.Url, TimeSpan.FromSeconds(1));

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageService(connection).GetImagesAsync(new ImageQuery(), CancellationToken.None));

            Assert.Equal("CloudTimeout", error.ErrorId);
        }

        [Fact]
        public async Task CallerCancellationIsNotTranslated()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, "<x/>", delay: TimeSpan.FromSeconds(3)));
            using var connection = CloudTestSettings.Connect(server.Url);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ImageService(connection).GetImagesAsync(new ImageQuery(), cancel.Token));
        }
    }
}
