using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>BundleInstance, DescribeBundleTasks and CancelBundleTask through the AWS SDK, stepping the cloud's
/// clock through the task states (one second per stage in the default configuration).</summary>
public sealed class BundleTaskTests(SteppedCloudFixture cloud) : IClassFixture<SteppedCloudFixture>
{
    private const string StoreLinux = "i-2a3b4c5d";
    private const string StoreWindows = "i-3b4c5d6e";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private static string PolicyJson(string bucket, string prefix, DateTimeOffset expires, string acl = "ec2-bundle-read") =>
        $"{{\"conditions\": [{{\"acl\": \"{acl}\"}}, {{\"bucket\": \"{bucket}\"}}, [\"starts-with\", \"$key\", \"{prefix}\"]], "
        + $"\"expiration\": \"{expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\"}}";

    private static BundleInstanceRequest Request(string instanceId, string bucket, string prefix, string policyJson, string secret = DefaultKeys.UserSecret)
    {
        string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(policyJson));
        string signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(base64)));
        return new BundleInstanceRequest
        {
            InstanceId = instanceId,
            Storage = new Storage
            {
                S3 = new S3Storage
                {
                    Bucket = bucket,
                    Prefix = prefix,
                    AWSAccessKeyId = DefaultKeys.UserAccessKey,
                    UploadPolicy = new MemoryStream(Encoding.UTF8.GetBytes(policyJson)),
                    UploadPolicySignature = signature,
                },
            },
        };
    }

    private async Task<BundleTask> DescribeAsync(string bundleId) =>
        (await cloud.User().DescribeBundleTasksAsync(new DescribeBundleTasksRequest { BundleIds = [bundleId] })).BundleTasks.Single();

    /// <summary>Moves time past any earlier task of the instance, so each test starts its own.</summary>
    private void FinishEarlierTasks() => cloud.Advance(Step * 10);

    [Fact]
    public async Task TaskRunsThroughEveryStateToCompleteWithItsStorage()
    {
        FinishEarlierTasks();
        var expires = DateTimeOffset.UtcNow.AddHours(24);

        BundleTask task = (await cloud.User().BundleInstanceAsync(Request(StoreWindows, "win-images", "win2012", PolicyJson("win-images", "win2012", expires)))).BundleTask;

        Assert.Equal(("bun-3b4c5d6e", StoreWindows, BundleTaskState.Pending), (task.BundleId, task.InstanceId, task.State));
        Assert.Equal(("win-images", "win2012"), (task.Storage.S3.Bucket, task.Storage.S3.Prefix));
        var seen = new List<(BundleTaskState, string)>();
        for (int i = 0; i < 6; i++)
        {
            BundleTask now = await DescribeAsync(task.BundleId);
            seen.Add((now.State, now.Progress));
            cloud.Advance(Step);
        }

        Assert.Equal(new[] { "pending", "waiting-for-shutdown", "bundling", "storing", "storing", "complete" }, seen.Select(s => s.Item1.Value));
        Assert.Equal("100%", seen[^1].Item2);
        // Real time also passes between the calls, so the percentages are at least (not exactly) the stepped ones.
        Assert.InRange(int.Parse(seen[3].Item2.TrimEnd('%')), 0, 20);
        Assert.InRange(int.Parse(seen[4].Item2.TrimEnd('%')), 50, 70);
        Assert.Null((await DescribeAsync(task.BundleId)).BundleTaskError);
    }

    [Fact]
    public async Task ASecondRequestWhileBundlingAnswersWithTheRunningTask()
    {
        FinishEarlierTasks();
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        BundleTask first = (await cloud.User().BundleInstanceAsync(Request(StoreLinux, "linux-images", "first", PolicyJson("linux-images", "first", expires)))).BundleTask;

        BundleTask second = (await cloud.User().BundleInstanceAsync(Request(StoreLinux, "linux-images", "second", PolicyJson("linux-images", "second", expires)))).BundleTask;

        Assert.Equal((first.BundleId, "first"), (second.BundleId, second.Storage.S3.Prefix));
    }

    [Fact]
    public async Task BadSignatureFailsTheCallAsEucalyptusDoes()
    {
        var request = Request(StoreLinux, "linux-images", "badsig", PolicyJson("linux-images", "badsig", DateTimeOffset.UtcNow.AddHours(1)), secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().BundleInstanceAsync(request));

        Assert.Equal("InternalError", error.ErrorCode);
        Assert.Contains("unable to find the access key signed the upload policy", error.Message);
    }

    [Theory]
    [InlineData("other-bucket", "img", "ec2-bundle-read", 1, "$bucket")]
    [InlineData("linux-images", "zzz", "ec2-bundle-read", 1, "$key")]
    [InlineData("linux-images", "img", "public-read", 1, "$acl")]
    [InlineData("linux-images", "img", "ec2-bundle-read", -1, "expired")]
    public async Task PolicyThatDoesNotAllowTheUploadFailsTheTask(string policyBucket, string policyPrefix, string acl, int expiresInHours, string messagePart)
    {
        FinishEarlierTasks();
        string policy = PolicyJson(policyBucket, policyPrefix, DateTimeOffset.UtcNow.AddHours(expiresInHours), acl);

        BundleTask task = (await cloud.User().BundleInstanceAsync(Request(StoreLinux, "linux-images", "img-1", policy))).BundleTask;
        cloud.Advance(Step * 3);
        BundleTask failed = await DescribeAsync(task.BundleId);

        Assert.Equal(BundleTaskState.Failed, failed.State);
        Assert.Equal("Client.AccessDenied", failed.BundleTaskError.Code);
        Assert.Contains(messagePart, failed.BundleTaskError.Message);
    }

    [Theory]
    [InlineData("i-0e1b2c3d", "linux-images", "InvalidParameterValue")]
    [InlineData("i-4c5d6e7f", "linux-images", "IncorrectInstanceState")]
    [InlineData("i-5d6e7f80", "linux-images", "InvalidInstanceID.NotFound")]
    [InlineData(StoreLinux, "no spaces allowed", "InvalidParameterValue")]
    public async Task InstanceAndStorageRules(string instanceId, string bucket, string code)
    {
        var request = Request(instanceId, bucket, "img", PolicyJson(bucket, "img", DateTimeOffset.UtcNow.AddHours(1)));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().BundleInstanceAsync(request));

        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public async Task CancelMovesToCancellingThenFailedAndAFinishedTaskCannotBeCancelled()
    {
        FinishEarlierTasks();
        BundleTask task = (await cloud.User().BundleInstanceAsync(Request(StoreLinux, "linux-images", "cancel-me", PolicyJson("linux-images", "cancel-me", DateTimeOffset.UtcNow.AddHours(1))))).BundleTask;
        cloud.Advance(Step);

        BundleTask cancelling = (await cloud.User().CancelBundleTaskAsync(new CancelBundleTaskRequest { BundleId = task.BundleId })).BundleTask;
        cloud.Advance(Step);
        BundleTask failed = await DescribeAsync(task.BundleId);
        var again = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().CancelBundleTaskAsync(new CancelBundleTaskRequest { BundleId = task.BundleId }));

        Assert.Equal(BundleTaskState.Cancelling, cancelling.State);
        Assert.Equal((BundleTaskState.Failed, "Client.Cancelled"), (failed.State, failed.BundleTaskError.Code));
        Assert.Equal("IncorrectState", again.ErrorCode);
    }

    [Fact]
    public async Task UnknownAndMalformedBundleIds()
    {
        var unknown = await Assert.ThrowsAsync<AmazonEC2Exception>(() => DescribeAsync("bun-0badf00d"));
        var malformed = await Assert.ThrowsAsync<AmazonEC2Exception>(() => cloud.User().CancelBundleTaskAsync(new CancelBundleTaskRequest { BundleId = "bundle" }));

        Assert.Equal(("InvalidBundleID.NotFound", "InvalidBundleID.Malformed"), (unknown.ErrorCode, malformed.ErrorCode));
    }
}
