using System;
using System.Linq;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Import;

namespace Euca.Images.Engine.Tests.Import
{
    public class ImportPlanningTests
    {
        [Fact]
        public void PartsAreTenMiBSlicesWithInclusiveEnds()
        {
            var plan = ImportPartPlan.Plan(25000000);

            Assert.Equal(new[] { (0, 0L, 10485759L), (1, 10485760L, 20971519L), (2, 20971520L, 24999999L) }, plan);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(10485760, 1)]
        [InlineData(10485761, 2)]
        public void PartCountRoundsUp(long size, int parts)
        {
            var plan = ImportPartPlan.Plan(size);

            Assert.Equal(parts, plan.Count);
            Assert.Equal(size - 1, plan.Last().End);
        }

        [Fact]
        public void KeysFollowEuca2ools()
        {
            var id = Guid.Parse("0b7c1c52-6f0e-4a0b-9b8a-2b6b3f2a1c11");
            string manifestKey = ImportPartPlan.ManifestKey("imports/", id, "disk.raw");

            Assert.Equal("imports/0b7c1c52-6f0e-4a0b-9b8a-2b6b3f2a1c11/disk.raw.manifest.xml", manifestKey);
            Assert.Equal("imports/0b7c1c52-6f0e-4a0b-9b8a-2b6b3f2a1c11/disk.raw.part.12", ImportPartPlan.PartKey(manifestKey, "disk.raw", 12));
            Assert.Equal("0b7c1c52-6f0e-4a0b-9b8a-2b6b3f2a1c11/disk.raw.manifest.xml", ImportPartPlan.ManifestKey(null, id, "disk.raw"));
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(1073741824, 1)]
        [InlineData(1073741825, 2)]
        public void VolumeSizeIsTheImageRoundedUpToGiB(long bytes, long gib) => Assert.Equal(gib, ImportPartPlan.VolumeSizeFor(bytes));

        [Theory]
        [InlineData("http://127.0.0.1:9000/b/u/disk.raw.manifest.xml?AWSAccessKeyId=A", "http://127.0.0.1:9000/", "b", "u/disk.raw.manifest.xml")]
        [InlineData("http://osg:8773/services/objectstorage/my%20b/p/u/d%2B1.manifest.xml?x=1", "http://osg:8773/services/objectstorage", "my b", "p/u/d+1.manifest.xml")]
        public void ResumeFindsBucketAndKeyInTheManifestUrl(string url, string endpoint, string bucket, string key)
        {
            var location = ImportLocation.FromManifestUrl(new Uri(url), new Uri(endpoint));

            Assert.Equal((bucket, key), (location.Bucket, location.ManifestKey));
        }

        [Fact]
        public void ResumeRefusesAManifestOnAnotherEndpoint()
        {
            var e = Assert.Throws<EucaException>(() => ImportLocation.FromManifestUrl(new Uri("http://other:9000/b/k.manifest.xml"), new Uri("http://osg:9000/")));

            Assert.Equal("ImportManifestUrlForeign", e.ErrorId);
        }
    }
}
