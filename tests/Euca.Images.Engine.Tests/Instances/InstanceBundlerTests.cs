using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Instances;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Instances
{
    public class InstanceBundlerTests
    {
        private static readonly DateTime Now = new DateTime(2024, 3, 5, 6, 7, 8, 900, DateTimeKind.Utc);

        private static LoopbackServer.Response Answer(string body) => new LoopbackServer.Response(200, body);

        private static Dictionary<string, string> Form(string body) =>
            body.Split('&').Select(p => p.Split(new[] { '=' }, 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));

        [Fact]
        public async Task BundleInstanceSendsTheSignedPolicyForTheBucketAndPrefix()
        {
            using var server = new LoopbackServer(r => r.Body.Contains("Action=DescribeInstances")
                ? Answer(Ec2Answers.Instance("i-2a3b4c5d", "instance-store", "running"))
                : Answer(Ec2Answers.BundleInstance("bun-2a3b4c5d")));
            using var connection = CloudTestSettings.Connect(server.Url);
            var bundler = new InstanceBundler(connection, () => Now);

            BundleTaskInfo task = await bundler.BundleInstanceAsync(
                new InstanceBundleRequest { InstanceId = "I-2A3B4C5D", Bucket = "my-bundles", Prefix = "web-01", PolicyLifetime = TimeSpan.FromHours(2) },
                CancellationToken.None);

            Assert.Equal("bun-2a3b4c5d", task.BundleId);
            Assert.Equal("my-bundles/web-01.manifest.xml", task.ManifestLocation);
            var form = Form(server.Requests.Single(r => r.Body.Contains("Action=BundleInstance")).Body);
            Assert.Equal("i-2a3b4c5d", form["InstanceId"]);
            Assert.Equal("my-bundles", form["Storage.S3.Bucket"]);
            Assert.Equal("web-01", form["Storage.S3.Prefix"]);
            Assert.Equal("AKITEST", form["Storage.S3.AWSAccessKeyId"]);
            var expected = BundleUploadPolicy.Create("my-bundles", "web-01", new DateTime(2024, 3, 5, 8, 7, 8, DateTimeKind.Utc), CloudTestSettings.Secret);
            Assert.Equal(expected.Base64, form["Storage.S3.UploadPolicy"]);
            Assert.Equal(expected.Signature, form["Storage.S3.UploadPolicySignature"]);
            Assert.Contains("\"expiration\": \"2024-03-05T08:07:08Z\"", Encoding.UTF8.GetString(Convert.FromBase64String(form["Storage.S3.UploadPolicy"])));
            Assert.All(server.Requests, r => Assert.DoesNotContain(CloudTestSettings.Secret, r.Body));
        }

        [Theory]
        [InlineData("ebs", "running", "InstanceIsEbsBacked")]
        [InlineData("instance-store", "stopped", "InstanceNotRunning")]
        public async Task InstanceIsCheckedBeforeBundling(string rootDeviceType, string state, string errorId)
        {
            using var server = new LoopbackServer(_ => Answer(Ec2Answers.Instance("i-2a3b4c5d", rootDeviceType, state)));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new InstanceBundler(connection).BundleInstanceAsync(
                new InstanceBundleRequest { InstanceId = "i-2a3b4c5d", Bucket = "my-bundles", Prefix = "web-01" }, CancellationToken.None));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal("i-2a3b4c5d", error.Target);
            Assert.DoesNotContain(server.Requests, r => r.Body.Contains("Action=BundleInstance"));
        }

        [Theory]
        [InlineData("i-2a3b4c5d", "my bucket", "web-01", "BundleBucketInvalid")]
        [InlineData("i-2a3b4c5d", "my-bundles", "a/b", "BundlePrefixInvalid")]
        [InlineData("2a3b4c5d", "my-bundles", "web-01", "InstanceIdInvalid")]
        public async Task BadArgumentsFailBeforeAnyCall(string instanceId, string bucket, string prefix, string errorId)
        {
            using var server = new LoopbackServer(_ => Answer(Ec2Answers.Instance("i-2a3b4c5d", "instance-store", "running")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new InstanceBundler(connection).BundleInstanceAsync(
                new InstanceBundleRequest { InstanceId = instanceId, Bucket = bucket, Prefix = prefix }, CancellationToken.None));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task WaitReportsProgressAndReturnsTheCompleteTask()
        {
            var answers = new Queue<string>(new[]
            {
                Ec2Answers.DescribeBundleTasks("bun-2a3b4c5d", "bundling", 0),
                Ec2Answers.DescribeBundleTasks("bun-2a3b4c5d", "storing", 40),
                Ec2Answers.DescribeBundleTasks("bun-2a3b4c5d", "complete", 100),
            });
            using var server = new LoopbackServer(_ => Answer(answers.Count > 1 ? answers.Dequeue() : answers.Peek()));
            using var connection = CloudTestSettings.Connect(server.Url);
            var reports = new List<OperationProgress>();

            BundleTaskInfo task = await new InstanceBundler(connection) { PollInterval = TimeSpan.FromMilliseconds(10) }
                .WaitForBundleTaskAsync("bun-2a3b4c5d", TimeSpan.FromSeconds(30), new ProgressCallback(reports.Add), CancellationToken.None);

            Assert.Equal(BundleTaskStates.Complete, task.State);
            Assert.Equal("my-bundles/web-01.manifest.xml", task.ManifestLocation);
            Assert.Equal(new long[] { 0, 40, 100 }, reports.Select(r => r.BytesDone));
            Assert.All(reports, r => Assert.Equal(100, r.BytesTotal));
            Assert.Equal("storing 40%", reports[1].StatusDescription);
            Assert.All(server.Requests, r => Assert.Contains("BundleId.1=bun-2a3b4c5d", r.Body));
        }

        [Fact]
        public async Task FailedTaskIsAnErrorWithTheCloudsMessage()
        {
            using var server = new LoopbackServer(_ => Answer(Ec2Answers.DescribeBundleTasks("bun-2a3b4c5d", "failed", 0, "Policy expired")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new InstanceBundler(connection)
                .WaitForBundleTaskAsync("bun-2a3b4c5d", TimeSpan.FromSeconds(30), null, CancellationToken.None));

            Assert.Equal("BundleTaskFailed", error.ErrorId);
            Assert.Contains("Policy expired", error.Message);
        }

        [Fact]
        public async Task WaitGivesUpAfterTheTimeout()
        {
            using var server = new LoopbackServer(_ => Answer(Ec2Answers.DescribeBundleTasks("bun-2a3b4c5d", "storing", 10)));
            using var connection = CloudTestSettings.Connect(server.Url);

            // A second of timeout against 20 ms polls: even a first request slowed by a busy machine leaves room for more.
            var error = await Assert.ThrowsAsync<EucaException>(() => new InstanceBundler(connection) { PollInterval = TimeSpan.FromMilliseconds(20) }
                .WaitForBundleTaskAsync("bun-2a3b4c5d", TimeSpan.FromSeconds(1), null, CancellationToken.None));

            Assert.Equal(("BundleTaskTimeout", EucaErrorCategory.OperationTimeout, (object?)"bun-2a3b4c5d"), (error.ErrorId, error.Category, error.Target));
            Assert.True(server.Requests.Count >= 2);
        }

        [Fact]
        public async Task CancelSendsTheBundleId()
        {
            using var server = new LoopbackServer(_ => Answer(Ec2Answers.CancelBundleTask("bun-2a3b4c5d")));
            using var connection = CloudTestSettings.Connect(server.Url);

            BundleTaskInfo task = await new InstanceBundler(connection).CancelBundleTaskAsync("BUN-2A3B4C5D", CancellationToken.None);

            Assert.Equal(BundleTaskStates.Cancelling, task.State);
            Assert.Contains("BundleId=bun-2a3b4c5d", Assert.Single(server.Requests).Body);
        }
    }
}
