using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Attributes;
using Euca.Images.Engine.Tests.Instances;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Cloud
{
    /// <summary>
    /// Compute errors through a loopback cloud: the error names the resource the call was about (its Target, which
    /// becomes the ErrorRecord's TargetObject) and its category follows the cloud's code, as PowerShell users expect.
    /// </summary>
    public class CloudErrorTargetTests
    {
        private const string ImageId = "emi-12345678";

        [Theory]
        [InlineData("InvalidAMIID.Malformed", 400, EucaErrorCategory.InvalidArgument)]
        [InlineData("InvalidParameterValue", 400, EucaErrorCategory.InvalidArgument)]
        [InlineData("InvalidParameterCombination", 400, EucaErrorCategory.InvalidArgument)]
        [InlineData("MissingParameter", 400, EucaErrorCategory.InvalidArgument)]
        [InlineData("UnauthorizedOperation", 403, EucaErrorCategory.PermissionDenied)]
        [InlineData("AuthFailure", 400, EucaErrorCategory.PermissionDenied)]
        [InlineData("IncorrectState", 409, EucaErrorCategory.ResourceExists)]
        public async Task ServiceCodesMapToCategoriesAndNameTheImage(string code, int status, EucaErrorCategory category)
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(status, Ec2Answers.Error(code, "refused")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() =>
                new ImageAttributes(connection).GetAsync(ImageId, ImageAttributeName.LaunchPermission, CancellationToken.None));

            Assert.Equal(("Cloud." + code, category, (object?)ImageId), (error.ErrorId, error.Category, error.Target));
            Assert.Contains($"{code} (request about {ImageId}): refused", error.Message);
            Assert.Contains(server.Url.ToString(), error.Message);
        }

        [Fact]
        public async Task AnUnknownImageIsImageNotFoundWithTheCloudsRefusalAsCause()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error("InvalidAMIID.NotFound", "not there")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() =>
                new ImageAttributes(connection).GetAsync(ImageId, ImageAttributeName.LaunchPermission, CancellationToken.None));

            Assert.Equal(("ImageNotFound", EucaErrorCategory.ObjectNotFound, (object?)ImageId), (error.ErrorId, error.Category, error.Target));
            Assert.Equal("Cloud.InvalidAMIID.NotFound", Assert.IsType<EucaException>(error.InnerException).ErrorId);
        }

        [Fact]
        public async Task RejectedCredentialsStayAnAuthenticationErrorAboutTheImage()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(401, Ec2Answers.Error("AuthFailure", "not validated")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new Engine.Images.Lifecycle.ImageDeregistration(connection).DeregisterAsync(ImageId, CancellationToken.None));

            Assert.Equal(("CloudAuthenticationFailed", EucaErrorCategory.AuthenticationError, (object?)ImageId), (error.ErrorId, error.Category, error.Target));
        }

        [Fact]
        public async Task AListingOfSeveralIdsNamesThemAll()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error("InvalidParameterValue", "refused")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() =>
                new ImageService(connection).GetImagesAsync(new ImageQuery { ImageIds = new[] { ImageId, "emi-87654321" } }, CancellationToken.None));

            Assert.Equal(new[] { ImageId, "emi-87654321" }, Assert.IsType<string[]>(error.Target));
            Assert.Contains($"(request about {ImageId}, emi-87654321)", error.Message);
        }

        [Fact]
        public async Task AListingOfEverythingHasNoTarget()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error("InvalidParameterValue", "bad filter")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageService(connection).GetImagesAsync(new ImageQuery(), CancellationToken.None));

            Assert.Null(error.Target);
            Assert.Equal(EucaErrorCategory.InvalidArgument, error.Category);
        }

        [Fact]
        public async Task AnUnreachableEndpointIsTheTargetTheUserFixes()
        {
            var url = new Uri($"http://127.0.0.1:{Support.LoopbackHttpServer.FreePort()}/services/compute");
            using var connection = CloudTestSettings.Connect(url, TimeSpan.FromSeconds(5));

            var error = await Assert.ThrowsAsync<EucaException>(() =>
                new ImageAttributes(connection).GetAsync(ImageId, ImageAttributeName.Description, CancellationToken.None));

            Assert.Equal(("CloudUnreachable", EucaErrorCategory.ConnectionError, (object?)url), (error.ErrorId, error.Category, error.Target));
        }
    }
}
