using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Snapshots;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Snapshots
{
    public class SnapshotServiceTests
    {
        [Fact]
        public async Task WaitReportsProgressUntilCompleted()
        {
            var answers = new Queue<string>(new[] { Ec2Answers.DescribeSnapshots("snap-11223344", "pending", 30), Ec2Answers.DescribeSnapshots("snap-11223344", "completed", 100) });
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, answers.Count > 1 ? answers.Dequeue() : answers.Peek()));
            using var connection = CloudTestSettings.Connect(server.Url);
            var reports = new List<OperationProgress>();

            SnapshotInfo snapshot = await new SnapshotService(connection) { PollInterval = TimeSpan.FromMilliseconds(10) }
                .WaitForSnapshotAsync("snap-11223344", TimeSpan.FromSeconds(30), new ProgressCallback(reports.Add), CancellationToken.None);

            Assert.Equal(("completed", 100, 10), (snapshot.State, snapshot.Progress, snapshot.VolumeSizeGiB));
            Assert.Equal(new long[] { 30, 100 }, reports.Select(r => r.BytesDone));
        }

        [Fact]
        public async Task SnapshotInErrorIsAnError()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeSnapshots("snap-11223344", "error", 12)));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new SnapshotService(connection)
                .WaitForSnapshotAsync("snap-11223344", TimeSpan.FromSeconds(30), null, CancellationToken.None));

            Assert.Equal("SnapshotFailed", error.ErrorId);
        }

        [Fact]
        public async Task AWaitThatGivesUpIsAnOperationTimeoutAboutTheSnapshot()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeSnapshots("snap-11223344", "pending", 40)));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new SnapshotService(connection) { PollInterval = TimeSpan.FromMilliseconds(20) }
                .WaitForSnapshotAsync("snap-11223344", TimeSpan.FromMilliseconds(200), null, CancellationToken.None));

            Assert.Equal(("SnapshotTimeout", EucaErrorCategory.OperationTimeout, (object?)"snap-11223344"), (error.ErrorId, error.Category, error.Target));
        }

        [Fact]
        public async Task ListingWithoutIdsAsksForOwnSnapshots()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeSnapshots("snap-11223344", "completed", 100)));
            using var connection = CloudTestSettings.Connect(server.Url);

            var snapshots = await new SnapshotService(connection).GetSnapshotsAsync(null, null, CancellationToken.None);

            Assert.Single(snapshots.Items);
            Assert.Contains("Owner.1=self", Assert.Single(server.Requests).Body);
        }

        [Theory]
        [InlineData("vol-123")]
        [InlineData("snap-1a2b3c4d")]
        public async Task MalformedVolumeIdFailsBeforeAnyCall(string volumeId)
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(500, ""));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new SnapshotService(connection).CreateSnapshotAsync(volumeId, null, CancellationToken.None));

            Assert.Equal("VolumeIdInvalid", error.ErrorId);
            Assert.Empty(server.Requests);
        }
    }
}
