using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Volumes;

namespace Euca.Images.Engine.Tests.Volumes
{
    /// <summary>VolumeService.GetVolumesAsync against loopback answers in the shapes of EC2 and Eucalyptus 4.4.</summary>
    public class VolumeServiceTests
    {
        private const string NotFound = "InvalidVolume.NotFound";

        [Fact]
        public async Task MapsTheVolumeAndItsAttachment()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeVolumes(Ec2Answers.Volume("vol-1a2b3c4d", "in-use", "i-0e1b2c3d", "snap-3e1d2c4b"))));
            using var connection = CloudTestSettings.Connect(server.Url);

            ResourceListing<VolumeInfo> listing = await new VolumeService(connection).GetVolumesAsync(null, null, null, CancellationToken.None);

            VolumeInfo volume = Assert.Single(listing.Items);
            Assert.Equal(("vol-1a2b3c4d", 10, "in-use", "one", "snap-3e1d2c4b"), (volume.VolumeId, volume.SizeGiB, volume.State, volume.AvailabilityZone, volume.SnapshotId));
            Assert.Equal(new DateTime(2024, 3, 5, 6, 7, 8, DateTimeKind.Utc), volume.CreateTime);
            Assert.Equal(DateTimeKind.Utc, volume.CreateTime?.Kind);
            VolumeAttachmentInfo attachment = Assert.Single(volume.Attachments);
            Assert.Equal(("i-0e1b2c3d", "/dev/sda", "attached"), (attachment.InstanceId, attachment.Device, attachment.State));
            Assert.Empty(listing.Errors);
            string body = Assert.Single(server.Requests).Body;
            Assert.Contains("Action=DescribeVolumes", body);
            Assert.DoesNotContain("VolumeId", body);
            Assert.DoesNotContain("Filter", body);
        }

        [Fact]
        public async Task AVolumeWithoutSnapshotOrAttachmentHasNoneAndIsListedInIdOrder()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeVolumes(Ec2Answers.Volume("vol-2b3c4d5e"), Ec2Answers.Volume("vol-1a2b3c4d"))));
            using var connection = CloudTestSettings.Connect(server.Url);

            ResourceListing<VolumeInfo> listing = await new VolumeService(connection).GetVolumesAsync(null, null, null, CancellationToken.None);

            Assert.Equal(new[] { "vol-1a2b3c4d", "vol-2b3c4d5e" }, listing.Items.Select(v => v.VolumeId));
            Assert.Null(listing.Items[0].SnapshotId);
            Assert.Empty(listing.Items[0].Attachments);
        }

        [Fact]
        public async Task StatesAndZoneAreSentAsFilters()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeVolumes(Ec2Answers.Volume("vol-1a2b3c4d"))));
            using var connection = CloudTestSettings.Connect(server.Url);

            await new VolumeService(connection).GetVolumesAsync(null, new[] { "In-Use", "available", "in-use" }, "one", CancellationToken.None);

            string body = Uri.UnescapeDataString(Assert.Single(server.Requests).Body);
            Assert.Contains("Filter.1.Name=status&Filter.1.Value.1=in-use&Filter.1.Value.2=available&", body);
            Assert.DoesNotContain("Filter.1.Value.3", body);
            Assert.Contains("Filter.2.Name=availability-zone&Filter.2.Value.1=one", body);
        }

        [Fact]
        public async Task WhenTheCloudRefusesAnUnknownIdTheOthersAreStillListed()
        {
            // EC2 and the local cloud: one unknown id fails the whole request.
            using var server = new LoopbackServer(request =>
                request.Body.Contains("VolumeId.2") || request.Body.Contains("vol-0badf00d")
                    ? new LoopbackServer.Response(400, Ec2Answers.Error(NotFound, "The volume 'vol-0badf00d' does not exist."))
                    : new LoopbackServer.Response(200, Ec2Answers.DescribeVolumes(Ec2Answers.Volume("vol-1a2b3c4d"))));
            using var connection = CloudTestSettings.Connect(server.Url);

            ResourceListing<VolumeInfo> listing = await new VolumeService(connection).GetVolumesAsync(new[] { "vol-0badf00d", "VOL-1A2B3C4D" }, null, null, CancellationToken.None);

            Assert.Equal("vol-1a2b3c4d", Assert.Single(listing.Items).VolumeId);
            EucaException error = Assert.Single(listing.Errors);
            Assert.Equal(("VolumeNotFound", EucaErrorCategory.ObjectNotFound, (object?)"vol-0badf00d"), (error.ErrorId, error.Category, error.Target));
            Assert.Contains("vol-0badf00d", error.Message);
            Assert.Equal(3, server.Requests.Count);
        }

        [Fact]
        public async Task WhenTheCloudLeavesAnUnknownIdOutItIsNotFound()
        {
            // Eucalyptus 4.4 answers only the volumes it has.
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeVolumes(Ec2Answers.Volume("vol-1a2b3c4d"))));
            using var connection = CloudTestSettings.Connect(server.Url);

            ResourceListing<VolumeInfo> listing = await new VolumeService(connection).GetVolumesAsync(new[] { "vol-1a2b3c4d", "vol-0badf00d", "vol-0BADF00D" }, null, null, CancellationToken.None);

            Assert.Equal("vol-1a2b3c4d", Assert.Single(listing.Items).VolumeId);
            Assert.Equal("vol-0badf00d", Assert.Single(listing.Errors).Target);
            string body = Assert.Single(server.Requests).Body;
            Assert.Contains("VolumeId.1=vol-1a2b3c4d&VolumeId.2=vol-0badf00d", body);
            Assert.DoesNotContain("VolumeId.3", body);
        }

        [Fact]
        public async Task AVolumeTheFiltersExcludeIsNotAnErrorButAnUnknownOneIs()
        {
            // Eucalyptus 4.4 leaves out both; asking again without filters tells them apart.
            using var server = new LoopbackServer(request => new LoopbackServer.Response(200,
                request.Body.Contains("Filter") ? Ec2Answers.DescribeVolumes() : Ec2Answers.DescribeVolumes(Ec2Answers.Volume("vol-1a2b3c4d", "in-use", "i-0e1b2c3d"))));
            using var connection = CloudTestSettings.Connect(server.Url);

            ResourceListing<VolumeInfo> listing = await new VolumeService(connection).GetVolumesAsync(new[] { "vol-1a2b3c4d", "vol-0badf00d" }, new[] { "available" }, null, CancellationToken.None);

            Assert.Empty(listing.Items);
            Assert.Equal("vol-0badf00d", Assert.Single(listing.Errors).Target);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task MalformedIdsArePerItemErrorsAndAreNotSent()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeVolumes(Ec2Answers.Volume("vol-1a2b3c4d"))));
            using var connection = CloudTestSettings.Connect(server.Url);

            ResourceListing<VolumeInfo> listing = await new VolumeService(connection).GetVolumesAsync(new[] { "vol-123", "vol-1a2b3c4d", "snap-1a2b3c4d" }, null, null, CancellationToken.None);

            Assert.Single(listing.Items);
            Assert.Equal(new[] { ("VolumeIdInvalid", (object?)"vol-123"), ("VolumeIdInvalid", "snap-1a2b3c4d") }, listing.Errors.Select(e => (e.ErrorId, e.Target)));
            Assert.DoesNotContain("VolumeId.2", Assert.Single(server.Requests).Body);
        }

        [Fact]
        public async Task OnlyMalformedIdsListNothingAndCallNothing()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.DescribeVolumes(Ec2Answers.Volume("vol-1a2b3c4d"))));
            using var connection = CloudTestSettings.Connect(server.Url);

            ResourceListing<VolumeInfo> listing = await new VolumeService(connection).GetVolumesAsync(new[] { "import-vol-1a2b3c4d" }, null, null, CancellationToken.None);

            Assert.Empty(listing.Items);
            Assert.Equal("VolumeIdInvalid", Assert.Single(listing.Errors).ErrorId);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task OtherCloudErrorsFailTheCall()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error("InvalidParameterValue", "The filter 'status' is invalid")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new VolumeService(connection).GetVolumesAsync(new[] { "vol-1a2b3c4d" }, new[] { "available" }, null, CancellationToken.None));

            Assert.Equal("Cloud.InvalidParameterValue", error.ErrorId);
        }
    }
}
