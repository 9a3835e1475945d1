using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Tests.Storage
{
    public class ManifestLocationTests
    {
        [Theory]
        [InlineData("images/disk.img.manifest.xml", "images", "disk.img.manifest.xml", "", "disk.img")]
        [InlineData("b/2026/jan/x.manifest.xml", "b", "2026/jan/x.manifest.xml", "2026/jan/", "x")]
        public void ParsesBucketKeyPrefixAndBundleName(string text, string bucket, string key, string keyPrefix, string bundle)
        {
            ManifestLocation location = ManifestLocation.Parse(text);
            Assert.Equal(bucket, location.Bucket);
            Assert.Equal(key, location.Key);
            Assert.Equal(keyPrefix, location.KeyPrefix);
            Assert.Equal(bundle, location.BundlePrefix);
            Assert.Equal(keyPrefix + bundle + ".part.03", location.KeyFor(bundle + ".part.03"));
            Assert.Equal(text, location.ToString());
        }

        [Theory]
        [InlineData("disk.img.manifest.xml")]
        [InlineData("bucket/disk.img")]
        [InlineData("/bucket/disk.img.manifest.xml")]
        [InlineData("bucket/.manifest.xml")]
        [InlineData("bucket//disk.img.manifest.xml")]
        [InlineData("")]
        public void RefusesWhatIsNotAManifestLocation(string text)
        {
            var error = Assert.Throws<EucaException>(() => ManifestLocation.Parse(text));
            Assert.Equal("ManifestLocationInvalid", error.ErrorId);
        }

        [Theory]
        [InlineData(null, "b/n.manifest.xml")]
        [InlineData("", "b/n.manifest.xml")]
        [InlineData("a/b", "b/a/b/n.manifest.xml")]
        [InlineData("/a/b/", "b/a/b/n.manifest.xml")]
        public void BuildsLocationsTheEuca2oolsWay(string? keyPrefix, string expected) =>
            Assert.Equal(expected, ManifestLocation.Create("b", keyPrefix!, "n").ToString());
    }
}
