using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images.Attributes;
using Euca.Images.Engine.Tests.Instances;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Images.Attributes
{
    public class ImageAttributeChangeTests
    {
        [Fact]
        public void EachKindOfChangeNamesItsAttributeInTheOrderTheyAreChanged()
        {
            var change = new ImageAttributeChange { Description = "", ProductCodes = new[] { "A1B2C3" }, RemoveLaunchPermission = new[] { "all" } };

            Assert.Equal(new[] { ImageAttributeName.LaunchPermission, ImageAttributeName.ProductCodes, ImageAttributeName.Description }, change.ChangedAttributes());
        }

        [Fact]
        public void AddingLaunchPermissionsAloneChangesOnlyLaunchPermission()
        {
            Assert.Equal(new[] { ImageAttributeName.LaunchPermission }, new ImageAttributeChange { AddLaunchPermission = new[] { "123456789012" } }.ChangedAttributes());
        }

        [Fact]
        public void NothingGivenChangesNothing()
        {
            Assert.Empty(new ImageAttributeChange().ChangedAttributes());
        }

        [Fact]
        public async Task AnUnknownImageIsImageNotFoundWithTheIdAsTarget()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(400, Ec2Answers.Error("InvalidAMIID.NotFound", "The image id '[emi-0badf00d]' does not exist")));
            using var connection = CloudTestSettings.Connect(server.Url);

            var error = await Assert.ThrowsAsync<EucaException>(() =>
                new ImageAttributes(connection).GetAsync("EMI-0BADF00D", ImageAttributeName.Description, CancellationToken.None));

            Assert.Equal(("ImageNotFound", EucaErrorCategory.ObjectNotFound, (object?)"emi-0badf00d"), (error.ErrorId, error.Category, error.Target));
        }
    }
}
