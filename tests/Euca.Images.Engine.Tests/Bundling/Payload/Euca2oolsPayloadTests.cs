using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using System.Xml.XPath;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Tests.Support;


namespace Euca.Images.Engine.Tests.Bundling.Payload
{
    /// <summary>Bundles written by euca2ools 3.4 itself expand to the original image.</summary>
    public class Euca2oolsPayloadTests
    {
        [Theory]
        [InlineData("basic", 3)]
        [InlineData("emptylast", 3)] // the last part is empty
        public async Task Euca2oolsBundleExpandsToDiskImg(string folder, int partCount)
        {
            string bundle = Path.Combine(Euca2oolsTestData.Root, folder);
            XDocument manifest = XDocument.Load(Path.Combine(bundle, "disk.img.manifest.xml"));
            var sources = manifest.XPathSelectElements("/manifest/image/parts/part")
                .Select(p => PayloadPartSource.FromFile(
                    (int)p.Attribute("index")!,
                    Path.Combine(bundle, p.Element("filename")!.Value),
                    p.Element("digest")!.Value))
                .ToArray();
            Assert.Equal(partCount, sources.Length);
            var expected = new PayloadExpectation(
                manifest.XPathSelectElement("/manifest/image/digest")!.Value,
                long.Parse(manifest.XPathSelectElement("/manifest/image/size")!.Value));

            using var dir = new TempDirectory();
            string target = dir.File("disk.img");
            PayloadReadResult result;
            using (var writer = ImageFileWriter.Create(target, force: false))
            {
                result = await PayloadReader.ReadAsync(sources, PayloadHarness.Key, PayloadHarness.Iv, expected, writer.Stream, null, CancellationToken.None);
                writer.Commit();
            }

            Assert.Equal(File.ReadAllBytes(Path.Combine(Euca2oolsTestData.Root, "disk.img")), File.ReadAllBytes(target));
            Assert.Equal(long.Parse(manifest.XPathSelectElement("/manifest/image/bundled_size")!.Value), result.BundledSize);
            Assert.Single(Directory.GetFiles(dir.Path));
        }

        [Fact]
        public async Task VerifyOnlyPassNeedsNoOutput()
        {
            string bundle = Path.Combine(Euca2oolsTestData.Root, "basic");
            XDocument manifest = XDocument.Load(Path.Combine(bundle, "disk.img.manifest.xml"));
            var sources = manifest.XPathSelectElements("//parts/part")
                .Select(p => PayloadPartSource.FromFile((int)p.Attribute("index")!, Path.Combine(bundle, p.Element("filename")!.Value), p.Element("digest")!.Value))
                .ToArray();
            string digest = manifest.XPathSelectElement("/manifest/image/digest")!.Value;
            PayloadReadResult result = await PayloadReader.ReadAsync(sources, PayloadHarness.Key, PayloadHarness.Iv,
                new PayloadExpectation(digest, 300000), null, null, CancellationToken.None);
            Assert.Equal(digest, result.ImageDigestSha1);
            Assert.Equal(300000, result.ImageSize);
        }
    }
}
