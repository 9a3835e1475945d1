using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Tags;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Workflows.ImageCopy;

namespace Euca.Images.Engine.Tests.Workflows
{
    /// <summary>
    /// How a copy finds its kernel and ramdisk at the destination: the destination's seeded boot images belong to its
    /// administrator and are public, the kernel under the source kernel's name, the ramdisk under another name.
    /// </summary>
    public sealed class BootImageFinderTests : IClassFixture<TwoCloudsFixture>
    {
        private const string SourceRamdiskName = "initramfs-3.10.0-1160.el7.x86_64.img";

        private readonly TwoCloudsFixture _clouds;

        public BootImageFinderTests(TwoCloudsFixture clouds)
        {
            _clouds = clouds;
        }

        [Fact]
        public async Task AKernelIsFoundByNameAmongTheDestinationsPublicImagesOwnedByItsAdministrator()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();

            string? kernel = await new BootImageFinder(source, destination).KernelAsync(PvImage(), null, CancellationToken.None);

            Assert.Equal(TwoCloudsFixture.DestinationKernelId, kernel);
        }

        /// <summary>Tags are the tagging account's: the administrator who installed the ramdisk names it, and finds it so when copying.</summary>
        [Fact]
        public async Task ARamdiskRenamedAtTheDestinationIsFoundByANameTagCarryingTheSourceRamdisksName()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.DestinationAdministrator();
            var tags = new TagService(destination);
            await tags.CreateTagsAsync(new[] { TwoCloudsFixture.DestinationRamdiskId }, new Dictionary<string, string> { ["Name"] = SourceRamdiskName }, CancellationToken.None);
            try
            {
                string? ramdisk = await new BootImageFinder(source, destination).RamdiskAsync(PvImage(), null, CancellationToken.None);

                Assert.Equal(TwoCloudsFixture.DestinationRamdiskId, ramdisk);
            }
            finally
            {
                await tags.DeleteTagsAsync(new[] { TwoCloudsFixture.DestinationRamdiskId }, new Dictionary<string, string?> { ["Name"] = null }, CancellationToken.None);
            }
        }

        [Fact]
        public async Task ARamdiskWithNeitherNameNorNameTagAtTheDestinationFailsNamingTheParameterToPass()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();

            var error = await Assert.ThrowsAsync<EucaException>(() => new BootImageFinder(source, destination).RamdiskAsync(PvImage(), null, CancellationToken.None));

            Assert.Equal("ImageCopyRamdiskNotFound", error.ErrorId);
            Assert.Contains(SourceRamdiskName, error.Message);
            Assert.Contains("-RamdiskId", error.Message);
        }

        [Fact]
        public async Task AKernelTheSourceDoesNotDescribeCannotBeLookedUpAndFailsNamingTheParameterToPass()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();
            var image = new ImageInfo { ImageId = "emi-12345678", KernelId = "eki-0badf00d" };

            var error = await Assert.ThrowsAsync<EucaException>(() => new BootImageFinder(source, destination).KernelAsync(image, null, CancellationToken.None));

            Assert.Equal("ImageCopyKernelNotFound", error.ErrorId);
            Assert.Contains("-KernelId", error.Message);
        }

        [Fact]
        public async Task BootImagesGivenAreUsedWithoutLookupAndAnImageWithoutKernelNeedsNone()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();
            var finder = new BootImageFinder(source, destination);

            Assert.Equal("eri-00aa00bb", await finder.RamdiskAsync(PvImage(), "eri-00aa00bb", CancellationToken.None));
            Assert.Null(await finder.KernelAsync(new ImageInfo { ImageId = "emi-12345678" }, null, CancellationToken.None));
        }

        private static ImageInfo PvImage() =>
            new ImageInfo { ImageId = "emi-12345678", KernelId = TwoCloudsFixture.SourceKernelId, RamdiskId = TwoCloudsFixture.SourceRamdiskId };
    }
}
