using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Workflows;

namespace Euca.Images.Engine.Tests.Workflows
{
    /// <summary>
    /// The rotation rules: an upload never replaces a bundle a registered image uses, and removing an image's bundle
    /// keeps it while another registered image uses it. The cloud is a loopback server answering as Eucalyptus.
    /// </summary>
    public sealed class BundleUseRulesTests
    {
        private const string Location = "images/disk.img.manifest.xml";

        private static string Images(params (string Id, string Location)[] images) =>
            "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><imagesSet>"
            + string.Concat(images.Select(i => $"<item><imageId>{i.Id}</imageId><imageLocation>{i.Location}</imageLocation><imageState>available</imageState>"
                + $"<imageOwnerId>123456789012</imageOwnerId><name>{i.Id}-name</name><imageType>machine</imageType><rootDeviceType>instance-store</rootDeviceType></item>"))
            + "</imagesSet></DescribeImagesResponse>";

        private static string Ok(string action) =>
            $"<{action}Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><return>true</return></{action}Response>";

        [Fact]
        public async Task ImagesUsingABundleAreAskedForByManifestLocationAndMatchedExactly()
        {
            // The cloud matches filter values as patterns; an image at a location the pattern also matches is not a user.
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200,
                Images(("emi-0000000a", Location), ("emi-0000000b", "images/disk.img.manifest.xml.old"))));
            using var connection = CloudTestSettings.Connect(server.Url);

            var users = await new BundleUsers(connection).ImagesUsingAsync(Location, CancellationToken.None);

            Assert.Equal(new[] { "emi-0000000a" }, users.Select(i => i.ImageId));
            Assert.All(server.Requests, r => Assert.Contains("Filter.1.Name=manifest-location&Filter.1.Value.1=" + Location, WebUtility.UrlDecode(r.Body)));
        }

        [Fact]
        public async Task ReplacingABundleARegisteredImageUsesIsRefusedNamingTheImage()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Images(("emi-0000000a", Location))));
            using var connection = CloudTestSettings.Connect(server.Url);
            var check = new BundleUsers(connection).RefuseReplacingUsedBundles();

            var error = await Assert.ThrowsAsync<EucaException>(() => check(ManifestLocation.Parse(Location), CancellationToken.None));

            Assert.Equal((ErrorIds.BundleManifestInUse.Name, EucaErrorCategory.ResourceExists, (object?)Location), (error.ErrorId, error.Category, error.Target));
            Assert.Contains("emi-0000000a (emi-0000000a-name)", error.Message);
            Assert.Contains("-Force", error.Message);
        }

        [Fact]
        public async Task ABundleNoRegisteredImageUsesMayBeReplaced()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Images()));
            using var connection = CloudTestSettings.Connect(server.Url);

            await new BundleUsers(connection).RefuseReplacingUsedBundles()(ManifestLocation.Parse(Location), CancellationToken.None);

            Assert.NotEmpty(server.Requests);
        }

        [Fact]
        public async Task RemovingAnImageKeepsTheBundleAnotherRegisteredImageUses()
        {
            // The connection has no object storage URL: any attempt to delete the bundle would fail the test.
            using var server = new LoopbackServer(r => r.Body.Contains("Action=DeregisterImage")
                ? new LoopbackServer.Response(200, Ok("DeregisterImage"))
                : new LoopbackServer.Response(200, r.Body.Contains("manifest-location")
                    ? Images(("emi-0000000a", Location), ("emi-0000000b", Location))
                    : Images(("emi-0000000a", Location))));
            using var connection = CloudTestSettings.Connect(server.Url);

            ImageRemovalResult result = await new ImageRemoval(connection).RemoveAsync("emi-0000000a", purge: false, removeBundle: true, null, CancellationToken.None);

            Assert.False(result.BundleRemoved);
            Assert.Equal(Location, result.BundleLocation);
            Assert.Equal(new[] { "emi-0000000b (emi-0000000b-name)" }, result.BundleKeptFor);
            Assert.Single(server.Requests, r => r.Body.Contains("Action=DeregisterImage"));
        }
    }
}
