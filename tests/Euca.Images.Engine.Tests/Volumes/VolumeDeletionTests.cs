using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Volumes;

namespace Euca.Images.Engine.Tests.Volumes
{
    /// <summary>VolumeService.DeleteVolumeAsync: the cloud's DeleteVolume answers become stable error ids.</summary>
    public class VolumeDeletionTests
    {
        [Theory]
        [InlineData("InvalidVolume.NotFound", "The volume 'vol-1a2b3c4d' does not exist", "VolumeNotFound", EucaErrorCategory.ObjectNotFound)]
        [InlineData("VolumeInUse", "Volume is currently attached to: i-0e1b2c3d", "VolumeInUse", EucaErrorCategory.InvalidOperation)]
        public async Task CloudRefusalsBecomeStableErrorsAboutTheVolume(string code, string message, string errorId, EucaErrorCategory category)
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error(code, message)));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new VolumeService(connection).DeleteVolumeAsync("vol-1A2B3C4D", CancellationToken.None));

            Assert.Equal((errorId, category, "vol-1a2b3c4d"), (error.ErrorId, error.Category, error.Target));
            Assert.Contains("vol-1a2b3c4d", error.Message);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task DeleteVolumeSendsTheCanonicalId()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DeleteVolume()));
            using var connection = CloudTestSettings.Connect(server.Url);

            await new VolumeService(connection).DeleteVolumeAsync("VOL-1A2B3C4D", CancellationToken.None);

            string body = Assert.Single(server.Requests).Body;
            Assert.Contains("Action=DeleteVolume", body);
            Assert.Contains("VolumeId=vol-1a2b3c4d", body);
        }

        [Fact]
        public async Task InUseNamesTheInstanceTheCloudReports()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error("VolumeInUse", "Volume is currently attached to: i-0e1b2c3d")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new VolumeService(connection).DeleteVolumeAsync("vol-1a2b3c4d", CancellationToken.None));

            Assert.Contains("attached to: i-0e1b2c3d. Detach", error.Message);
        }

        [Fact]
        public async Task OtherCloudErrorsKeepTheirCloudErrorId()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error("IncorrectState", "Volume vol-1a2b3c4d is creating")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new VolumeService(connection).DeleteVolumeAsync("vol-1a2b3c4d", CancellationToken.None));

            Assert.Equal("Cloud.IncorrectState", error.ErrorId);
        }

        [Theory]
        [InlineData(null, "VolumeIdMissing")]
        [InlineData("", "VolumeIdMissing")]
        [InlineData(" ", "VolumeIdMissing")]
        [InlineData("import-vol-1a2b3c4d", "VolumeIdInvalid")]
        [InlineData("vol-123", "VolumeIdInvalid")]
        public async Task AnEmptyOrMalformedIdFailsBeforeAnyCall(string? volumeId, string errorId)
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DeleteVolume()));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new VolumeService(connection).DeleteVolumeAsync(volumeId, CancellationToken.None));

            Assert.Equal((errorId, EucaErrorCategory.InvalidArgument, (object?)volumeId), (error.ErrorId, error.Category, error.Target));
            Assert.Empty(server.Requests);
        }
    }
}
