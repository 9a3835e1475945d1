using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Instances;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Instances
{
    public class InstanceImageCreatorTests
    {
        [Fact]
        public async Task CreatesTheImageAndReturnsItDescribed()
        {
            using var server = new LoopbackServer(r => new LoopbackServer.Response(200,
                r.Body.Contains("Action=DescribeInstances") ? Ec2Answers.Instance("i-0e1b2c3d", "ebs", "running")
                : r.Body.Contains("Action=CreateImage") ? Ec2Answers.CreateImage("emi-abcdef01")
                : Ec2Answers.DescribeImage("emi-abcdef01", "pending")));
            using var connection = CloudTestSettings.Connect(server.Url);
            var request = new ImageFromInstanceRequest
            {
                InstanceId = "i-0e1b2c3d",
                Name = "web-image",
                Description = "web tier",
                NoReboot = true,
                BlockDeviceMappings = new[] { new ImageBlockDeviceMapping { DeviceName = "/dev/sdb", VirtualName = "ephemeral0" } },
            };

            ImageInfo image = await new InstanceImageCreator(connection).CreateImageAsync(request, CancellationToken.None);

            Assert.Equal(("emi-abcdef01", "pending"), (image.ImageId, image.State));
            string create = server.Requests.Single(r => r.Body.Contains("Action=CreateImage")).Body;
            Assert.Contains("InstanceId=i-0e1b2c3d", create);
            Assert.Contains("Name=web-image", create);
            Assert.Contains("NoReboot=true", create);
            Assert.Contains("BlockDeviceMapping.1.VirtualName=ephemeral0", create);
            Assert.Contains(server.Requests, r => r.Body.Contains("Action=DescribeImages") && r.Body.Contains("ImageId.1=emi-abcdef01"));
        }

        [Theory]
        [InlineData("instance-store", "running", "InstanceNotEbsBacked")]
        [InlineData("ebs", "terminated", "InstanceStateInvalid")]
        [InlineData("ebs", "pending", "InstanceStateInvalid")]
        public async Task InstanceIsCheckedBeforeCreateImage(string rootDeviceType, string state, string errorId)
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ec2Answers.Instance("i-2a3b4c5d", rootDeviceType, state)));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new InstanceImageCreator(connection).CreateImageAsync(
                new ImageFromInstanceRequest { InstanceId = "i-2a3b4c5d", Name = "web-image" }, CancellationToken.None));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal("i-2a3b4c5d", error.Target);
            Assert.DoesNotContain(server.Requests, r => r.Body.Contains("Action=CreateImage"));
            if (errorId == "InstanceNotEbsBacked")
            {
                Assert.Contains("New-EucaInstanceBundle", error.Message);
            }
        }

        [Theory]
        [InlineData("ab", null, "ImageNameInvalid")]
        [InlineData("has space", null, "ImageNameInvalid")]
        [InlineData("good-name", "256", "ImageDescriptionTooLong")]
        public async Task NameAndDescriptionFollowEucalyptusRules(string name, string? descriptionLength, string errorId)
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(500, ""));
            using var connection = CloudTestSettings.Connect(server.Url);
            string? description = descriptionLength == null ? null : new string('d', int.Parse(descriptionLength));

            var error = await Assert.ThrowsAsync<EucaException>(() => new InstanceImageCreator(connection).CreateImageAsync(
                new ImageFromInstanceRequest { InstanceId = "i-2a3b4c5d", Name = name, Description = description }, CancellationToken.None));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Empty(server.Requests);
        }
    }
}
