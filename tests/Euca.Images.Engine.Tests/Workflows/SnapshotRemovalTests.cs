using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Snapshots;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Workflows;

namespace Euca.Images.Engine.Tests.Workflows
{
    /// <summary>Deleting a snapshot: never one a registered image boots from, and the cloud's own refusal is the same error.</summary>
    public sealed class SnapshotRemovalTests
    {
        private const string Ns = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

        private static string ImageUsing(string snapshotId) =>
            $"<DescribeImagesResponse {Ns}><requestId>r</requestId><imagesSet><item><imageId>emi-0000000c</imageId><name>web</name><imageState>available</imageState>"
            + "<imageOwnerId>123456789012</imageOwnerId><imageType>machine</imageType><rootDeviceType>ebs</rootDeviceType>"
            + $"<blockDeviceMapping><item><deviceName>/dev/sda</deviceName><ebs><snapshotId>{snapshotId}</snapshotId></ebs></item></blockDeviceMapping></item></imagesSet></DescribeImagesResponse>";

        [Fact]
        public async Task ASnapshotARegisteredImageBootsFromIsRefusedNamingTheImageWithoutDeleting()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, ImageUsing("snap-1a2b3c4d")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new SnapshotRemoval(connection).RemoveAsync("SNAP-1A2B3C4D", CancellationToken.None));

            Assert.Equal((ErrorIds.SnapshotInUse.Name, (object?)"snap-1a2b3c4d"), (error.ErrorId, error.Target));
            Assert.Contains("emi-0000000c (web)", error.Message);
            Assert.DoesNotContain(server.Requests, r => r.Body.Contains("Action=DeleteSnapshot"));
            Assert.All(server.Requests, r => Assert.Contains("block-device-mapping.snapshot-id", System.Net.WebUtility.UrlDecode(r.Body)));
        }

        [Fact]
        public async Task TheCloudsInUseRefusalIsSnapshotInUse()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error("InvalidSnapshot.InUse", "The snapshot snap-1a2b3c4d is currently in use by emi-0000000c")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new SnapshotService(connection).DeleteSnapshotAsync("snap-1a2b3c4d", CancellationToken.None));

            Assert.Equal((ErrorIds.SnapshotInUse.Name, EucaErrorCategory.InvalidOperation), (error.ErrorId, error.Category));
            Assert.Contains("in use by emi-0000000c", error.Message);
        }

        [Fact]
        public async Task AnUnknownSnapshotIsSnapshotNotFound()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error("InvalidSnapshot.NotFound", "The snapshot 'snap-1a2b3c4d' does not exist.")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new SnapshotService(connection).DeleteSnapshotAsync("snap-1a2b3c4d", CancellationToken.None));

            Assert.Equal(ErrorIds.SnapshotNotFound.Name, error.ErrorId);
            Assert.Single(server.Requests, r => r.Body.Contains("Action=DeleteSnapshot"));
        }
    }
}
