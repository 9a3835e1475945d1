using Euca.Images.Engine.Images.Attributes;

namespace Euca.Images.Engine.Tests.Images.Attributes
{
    public class ImageAttributeInfoTests
    {
        [Fact]
        public void APrivateImagesLaunchPermissionSaysItIsPrivateInsteadOfShowingABlank()
        {
            var attribute = new ImageAttributeInfo { ImageId = "emi-1a2b3c4d", Attribute = ImageAttributeName.LaunchPermission };

            Assert.Equal("private (owner only)", attribute.Value);
            Assert.False(attribute.IsPublic);
        }

        [Fact]
        public void ASharedImagesLaunchPermissionListsWhoMayLaunchIt()
        {
            var attribute = new ImageAttributeInfo
            {
                Attribute = ImageAttributeName.LaunchPermission,
                LaunchPermissions = new[] { new ImageLaunchPermission { UserId = "210987654321" }, new ImageLaunchPermission { Group = "all" } },
            };

            Assert.Equal("210987654321, group:all", attribute.Value);
        }

        [Fact]
        public void AnEmptyDescriptionStaysBlank()
        {
            Assert.Equal(string.Empty, new ImageAttributeInfo { Attribute = ImageAttributeName.Description }.Value);
        }
    }
}
