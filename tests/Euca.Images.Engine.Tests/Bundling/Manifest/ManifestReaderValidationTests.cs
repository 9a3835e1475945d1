using System.IO;
using System.Linq;
using System.Text;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    /// <summary>Hostile and broken manifests: they come from buckets, so anyone may have written them.</summary>
    public sealed class ManifestReaderValidationTests
    {
        private static string Basic => File.ReadAllText(Euca2oolsTestData.Manifest("basic"));

        private static EucaException ReadFails(string text) =>
            Assert.Throws<EucaException>(() => ManifestReader.Read(Encoding.UTF8.GetBytes(text), "test.manifest.xml"));

        [Fact]
        public void BillionLaughsIsHostile()
        {
            string bomb = "<?xml version=\"1.0\"?><!DOCTYPE manifest [<!ENTITY a \"aaaaaaaaaa\">"
                + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY {(char)('a' + i)} \"" + string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10)) + "\">"))
                + "]><manifest>&j;</manifest>";
            EucaException error = ReadFails(bomb);
            Assert.Equal("ManifestHostile", error.ErrorId);
            Assert.Equal(EucaErrorCategory.SecurityError, error.Category);
        }

        [Theory]
        [InlineData("<!DOCTYPE manifest [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><manifest>&x;</manifest>")]
        [InlineData("<!DOCTYPE manifest SYSTEM \"http://127.0.0.1:1/manifest.dtd\"><manifest/>")]
        [InlineData("<!DOCTYPE manifest [<!ELEMENT manifest ANY>]><manifest/>")]
        public void AnyDocumentTypeDeclarationIsHostile(string body)
        {
            Assert.Equal("ManifestHostile", ReadFails("<?xml version='1.0'?>\n" + body).ErrorId);
        }

        [Theory]
        [InlineData("not xml at all")]
        [InlineData("<manifest><image>")]
        [InlineData("<?xml version='1.0'?><manifest>&undeclared;</manifest>")]
        [InlineData("<?xml version='1.0'?><bundle/>")]
        public void MalformedOrForeignXmlIsInvalid(string text)
        {
            Assert.Equal("ManifestInvalid", ReadFails(text).ErrorId);
        }

        [Theory]
        [InlineData("<name>disk.img</name>", "image/name")]
        [InlineData("<digest algorithm=\"SHA1\">4d613d6e656845c661c8d98294175d276ba1ec7b</digest>", "image/digest")]
        [InlineData("<size>300000</size>", "image/size")]
        [InlineData("<bundled_size>150688</bundled_size>", "image/bundled_size")]
        public void MissingRequiredElementIsNamed(string element, string path)
        {
            EucaException error = ReadFails(Basic.Replace(element, ""));
            Assert.Equal("ManifestInvalid", error.ErrorId);
            Assert.Contains(path, error.Message);
        }

        [Fact]
        public void MissingEncryptedKeyIsNamed()
        {
            string text = Basic;
            int start = text.IndexOf("<ec2_encrypted_key");
            int end = text.IndexOf("</ec2_encrypted_key>") + "</ec2_encrypted_key>".Length;
            EucaException error = ReadFails(text.Remove(start, end - start));
            Assert.Contains("image/ec2_encrypted_key", error.Message);
        }

        [Fact]
        public void MissingImageIsNamed()
        {
            string text = Basic;
            int start = text.IndexOf("<image>");
            int end = text.IndexOf("</image>") + "</image>".Length;
            Assert.Contains("image", ReadFails(text.Remove(start, end - start)).Message);
        }

        [Theory]
        [InlineData("count=\"3\"", "count=\"4\"")]
        [InlineData("count=\"3\"", "count=\"2\"")]
        [InlineData("<part index=\"2\">", "<part index=\"3\">")]
        [InlineData("<part index=\"2\">", "<part index=\"1\">")]
        [InlineData("<size>300000</size>", "<size>-1</size>")]
        [InlineData("<type>machine</type>", "<type>appliance</type>")]
        [InlineData("77c4f42591fe4fb03c6ba4dd329bbf44969a9a21", "not-a-digest")]
        public void InconsistentPartsAndValuesAreInvalid(string original, string replacement)
        {
            Assert.Contains(original, Basic);
            Assert.Equal("ManifestInvalid", ReadFails(Basic.Replace(original, replacement)).ErrorId);
        }

        [Theory]
        [InlineData("../../etc/passwd")]
        [InlineData("..")]
        [InlineData("sub/disk.img.part.01")]
        [InlineData("/tmp/disk.img.part.01")]
        [InlineData("..\\..\\windows\\win.ini")]
        [InlineData("C:disk.img.part.01")]
        [InlineData("disk.img.part.01:stream")]
        public void PartNamesThatLeaveTheDirectoryAreRefused(string name)
        {
            EucaException error = ReadFails(Basic.Replace("<filename>disk.img.part.01</filename>", $"<filename>{name}</filename>"));
            Assert.Equal("ManifestPartNameInvalid", error.ErrorId);
            Assert.Equal(name, error.Target);
        }

        [Fact]
        public void PartsAreSortedByIndexWhateverTheirOrderInTheFile()
        {
            string text = Basic;
            int p0 = text.IndexOf("<part index=\"0\">");
            int p1 = text.IndexOf("<part index=\"1\">");
            string first = text.Substring(p0, p1 - p0);
            string reordered = text.Remove(p0, first.Length).Replace("</parts>", first + "</parts>");
            BundleManifest manifest = ManifestReader.Read(Encoding.ASCII.GetBytes(reordered), "reordered").Manifest;
            Assert.Equal(new[] { "disk.img.part.00", "disk.img.part.01", "disk.img.part.02" }, manifest.Parts.Select(p => p.FileName));
        }

        [Fact]
        public void OversizedInputIsRefusedBeforeParsing()
        {
            var huge = new byte[ManifestReader.MaxManifestBytes + 1];
            Assert.Equal("ManifestInvalid",
                Assert.Throws<EucaException>(() => ManifestReader.Read(new MemoryStream(huge), "huge")).ErrorId);
        }

        [Fact]
        public void MissingFileIsObjectNotFound()
        {
            var error = Assert.Throws<EucaException>(() => ManifestReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such.manifest.xml")));
            Assert.Equal("ManifestUnreadable", error.ErrorId);
            Assert.Equal(EucaErrorCategory.ObjectNotFound, error.Category);
        }
    }
}
