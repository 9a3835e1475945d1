using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Attributes;
using Euca.Images.Engine.Images.Lifecycle;
using Euca.Images.Engine.Images.Registration;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Images.Lifecycle
{
    /// <summary>What the lifecycle services send and how they read answers, against a loopback HTTP server.</summary>
    public class LifecycleWireTests
    {
        private static string Image(string id, string state) =>
            "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><imagesSet><item>" +
            $"<imageId>{id}</imageId><imageState>{state}</imageState><imageOwnerId>123456789012</imageOwnerId><name>n1</name>" +
            "<imageType>machine</imageType><rootDeviceType>ebs</rootDeviceType><virtualizationType>hvm</virtualizationType></item></imagesSet></DescribeImagesResponse>";

        private static string NotFound(string id) =>
            $"<Response><Errors><Error><Code>InvalidAMIID.NotFound</Code><Message>The image id '[{id}]' does not exist</Message></Error></Errors><RequestID>r</RequestID></Response>";

        private static string Ok(string action) =>
            $"<{action}Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><return>true</return></{action}Response>";

        private static string Body(LoopbackServer server, string action) =>
            WebUtility.UrlDecode(server.Requests.Single(r => r.Body.Contains("Action=" + action)).Body);

        [Fact]
        public async Task RegisterSendsPlatformAndMappingsThenDescribesTheImage()
        {
            using var server = new LoopbackServer(r => r.Body.Contains("Action=RegisterImage")
                ? new LoopbackServer.Response(200, "<RegisterImageResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><imageId>emi-0a1b2c3d</imageId></RegisterImageResponse>")
                : new LoopbackServer.Response(200, Image("emi-0a1b2c3d", "pending")));
            using var connection = CloudTestSettings.Connect(server.Url);
            var plan = ImageRegistrationRules.Check(new ImageRegistrationRequest
            {
                Name = "win-2019",
                SnapshotId = "snap-12345678",
                Platform = "windows",
                BlockDeviceMappings = new[] { BlockDeviceMappingParser.Parse("/dev/sdb=ephemeral0"), BlockDeviceMappingParser.Parse("/dev/sdc=none") },
            });

            ImageInfo image = await new ImageRegistration(connection).RegisterAsync(plan, CancellationToken.None);

            Assert.Equal(("emi-0a1b2c3d", "pending", "n1"), (image.ImageId, image.State, image.Name));
            string body = Body(server, "RegisterImage");
            Assert.Contains("Platform=windows", body);
            Assert.Contains("Name=win-2019", body);
            Assert.Contains("RootDeviceName=/dev/sda", body);
            Assert.Contains("BlockDeviceMapping.1.DeviceName=/dev/sdb&BlockDeviceMapping.1.VirtualName=ephemeral0", body);
            Assert.Contains("BlockDeviceMapping.2.NoDevice=", body);
            Assert.Contains("BlockDeviceMapping.3.DeviceName=/dev/sda&BlockDeviceMapping.3.Ebs.SnapshotId=snap-12345678", body);
            Assert.Contains("ImageId.1=emi-0a1b2c3d", Body(server, "DescribeImages"));
        }

        [Fact]
        public async Task RegisterWithoutPlatformSendsNone()
        {
            using var server = new LoopbackServer(r => r.Body.Contains("Action=RegisterImage")
                ? new LoopbackServer.Response(200, "<RegisterImageResponse><requestId>r</requestId><imageId>emi-0a1b2c3d</imageId></RegisterImageResponse>")
                : new LoopbackServer.Response(400, NotFound("emi-0a1b2c3d")));
            using var connection = CloudTestSettings.Connect(server.Url);
            var plan = ImageRegistrationRules.Check(new ImageRegistrationRequest { Name = "plain", ImageLocation = "b/p.manifest.xml", VirtualizationType = VirtualizationKind.Hvm });

            ImageInfo image = await new ImageRegistration(connection).RegisterAsync(plan, CancellationToken.None);

            Assert.Equal(("emi-0a1b2c3d", "pending"), (image.ImageId, image.State));
            string body = Body(server, "RegisterImage");
            Assert.DoesNotContain("Platform", body);
            Assert.Contains("ImageLocation=b/p.manifest.xml", body);
            Assert.Contains("VirtualizationType=hvm", body);
        }

        [Fact]
        public async Task LaunchPermissionAllBecomesGroupAllAndAccountsUserIds()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ok("ModifyImageAttribute")));
            using var connection = CloudTestSettings.Connect(server.Url);

            await new ImageAttributes(connection).ModifyAsync("emi-0a1b2c3d", new ImageAttributeChange
            {
                AddLaunchPermission = new[] { "all", "2109-8765-4321" },
                RemoveLaunchPermission = new[] { "000000000001" },
                Description = "new text",
            }, CancellationToken.None);

            var bodies = server.Requests.Select(r => WebUtility.UrlDecode(r.Body)).ToArray();
            Assert.Equal(2, bodies.Length);
            Assert.Contains("LaunchPermission.Add.1.Group=all", bodies[0]);
            Assert.Contains("LaunchPermission.Add.2.UserId=210987654321", bodies[0]);
            Assert.Contains("LaunchPermission.Remove.1.UserId=000000000001", bodies[0]);
            Assert.Contains("Description.Value=new text", bodies[1]);
        }

        [Theory]
        [InlineData("12345")]
        [InlineData("everyone")]
        public async Task BadLaunchPermissionsFailBeforeAnyCall(string entry)
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Ok("ModifyImageAttribute")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageAttributes(connection).ModifyAsync("emi-0a1b2c3d",
                new ImageAttributeChange { AddLaunchPermission = new[] { entry } }, CancellationToken.None));

            Assert.Equal(("LaunchPermissionInvalid", (object)entry), (error.ErrorId, error.Target));
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task AttributeAnswersAreTyped()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200,
                "<DescribeImageAttributeResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><imageId>emi-0a1b2c3d</imageId>" +
                "<launchPermission><item><group>all</group></item><item><userId>210987654321</userId></item></launchPermission></DescribeImageAttributeResponse>"));
            using var connection = CloudTestSettings.Connect(server.Url);

            var attribute = await new ImageAttributes(connection).GetAsync("EMI-0A1B2C3D", ImageAttributeName.LaunchPermission, CancellationToken.None);

            Assert.True(attribute.IsPublic);
            Assert.Equal("group:all, 210987654321", attribute.Value);
            Assert.Contains("Attribute=launchPermission", server.Requests.Single().Body);
            Assert.Contains("ImageId=emi-0a1b2c3d", server.Requests.Single().Body);
        }

        [Fact]
        public async Task WaiterReturnsWhenTheStateIsReachedAndReportsProgress()
        {
            int calls = 0;
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Image("emi-0a1b2c3d", Interlocked.Increment(ref calls) < 3 ? "pending" : "available")));
            using var connection = CloudTestSettings.Connect(server.Url);
            var reports = new ConcurrentQueue<OperationProgress>();

            ImageInfo? image = await new ImageWaiter(connection).WaitAsync("emi-0a1b2c3d", ImageWaitState.Available, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20), new ProgressCallback(reports.Enqueue), CancellationToken.None);

            Assert.Equal("available", image!.State);
            Assert.Equal(3, calls);
            Assert.Equal(2, reports.Count);
            Assert.All(reports, r => Assert.Contains("emi-0a1b2c3d is pending", r.StatusDescription));
        }

        [Fact]
        public async Task WaiterFailsAtOnceOnAFailedImage()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Image("emi-0a1b2c3d", "failed")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageWaiter(connection).WaitAsync("emi-0a1b2c3d", ImageWaitState.Available, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), null, CancellationToken.None));

            Assert.Equal("ImageFailed", error.ErrorId);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task WaiterTimeoutNamesTheImageAndItsLastState()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Image("emi-0a1b2c3d", "pending")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageWaiter(connection).WaitAsync("emi-0a1b2c3d", ImageWaitState.Available, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(50), null, CancellationToken.None));

            Assert.Equal(("ImageWaitTimeout", EucaErrorCategory.OperationTimeout, (object?)"emi-0a1b2c3d"), (error.ErrorId, error.Category, error.Target));
            Assert.Contains("emi-0a1b2c3d", error.Message);
            Assert.Contains("still pending", error.Message);
        }

        [Fact]
        public async Task WaitingForDeregisteredEndsWhenTheImageIsNoLongerListed()
        {
            int calls = 0;
            using var server = new LoopbackServer(_ => Interlocked.Increment(ref calls) < 2
                ? new LoopbackServer.Response(200, Image("emi-0a1b2c3d", "available"))
                : new LoopbackServer.Response(400, NotFound("emi-0a1b2c3d")));
            using var connection = CloudTestSettings.Connect(server.Url);

            ImageInfo? image = await new ImageWaiter(connection).WaitAsync("emi-0a1b2c3d", ImageWaitState.Deregistered, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20), null, CancellationToken.None);

            Assert.Null(image);
            Assert.Equal(2, calls);
        }

        [Fact]
        public async Task PurgeCallsDeregisterTwiceAndChecksTheVerboseViewForAdmins()
        {
            using var server = new LoopbackServer(r => r.Body.Contains("Action=DeregisterImage")
                ? new LoopbackServer.Response(200, Ok("DeregisterImage"))
                : r.Body.Contains("ImageId.1=verbose") && !r.Body.Contains("ImageId.2")
                    ? new LoopbackServer.Response(200, "<DescribeImagesResponse><requestId>r</requestId></DescribeImagesResponse>")
                    : new LoopbackServer.Response(400, NotFound("emi-0a1b2c3d")));
            using var connection = CloudTestSettings.Connect(server.Url);

            await new ImageDeregistration(connection) { PollInterval = TimeSpan.FromMilliseconds(10) }
                .PurgeAsync("emi-0a1b2c3d", TimeSpan.FromSeconds(10), null, CancellationToken.None);

            var bodies = server.Requests.Select(r => WebUtility.UrlDecode(r.Body)).ToArray();
            Assert.Equal(2, bodies.Count(b => b.Contains("Action=DeregisterImage")));
            Assert.Contains(bodies, b => b.Contains("ImageId.1=verbose&ImageId.2=emi-0a1b2c3d"));
        }

        [Fact]
        public async Task AuthFailureWithStatus400IsARefusalNotACredentialProblem()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400,
                "<Response><Errors><Error><Code>AuthFailure</Code><Message>Manifest is not accessible</Message></Error></Errors><RequestID>r</RequestID></Response>"));
            using var connection = CloudTestSettings.Connect(server.Url);
            var plan = ImageRegistrationRules.Check(new ImageRegistrationRequest { Name = "other", ImageLocation = "b/o.manifest.xml" });

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageRegistration(connection).RegisterAsync(plan, CancellationToken.None));

            Assert.Equal("Cloud.AuthFailure", error.ErrorId);
            Assert.Contains("Manifest is not accessible", error.Message);
        }
    }
}
