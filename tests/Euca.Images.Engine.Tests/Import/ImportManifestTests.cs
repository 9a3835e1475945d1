using System;
using System.IO;
using System.Linq;
using System.Text;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Import;

namespace Euca.Images.Engine.Tests.Import
{
    public class ImportManifestTests
    {
        private static ImportManifest Sample() => new ImportManifest
        {
            FileFormat = "RAW",
            ImporterName = "euca2ools",
            ImporterVersion = "3.4-devel",
            ImporterRelease = "0",
            SelfDestructUrl = "http://h/b/u/disk.raw.manifest.xml?AWSAccessKeyId=A&Expires=1&Signature=d",
            Size = 25000000,
            VolumeSize = 1,
            Parts =
            {
                new ImportManifestPart { Index = 0, Start = 0, End = 10485759, Key = "u/disk.raw.part.0", HeadUrl = "http://h/b/u/disk.raw.part.0?x=1&y=2", GetUrl = "g0", DeleteUrl = "d0" },
                new ImportManifestPart { Index = 1, Start = 10485760, End = 20971519, Key = "u/disk.raw.part.1", HeadUrl = "h1", GetUrl = "g1", DeleteUrl = "d1" },
                new ImportManifestPart { Index = 2, Start = 20971520, End = 24999999, Key = "u/disk.raw.part.2", HeadUrl = "h2", GetUrl = "g2", DeleteUrl = "d2" },
            },
        };

        [Fact]
        public void WritesTheShapeEuca2oolsWrites()
        {
            string xml = Encoding.UTF8.GetString(ImportManifestXml.Write(Sample()));

            const string expected = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" +
                "<manifest>\n" +
                "  <version>2010-11-15</version>\n" +
                "  <file-format>RAW</file-format>\n" +
                "  <importer>\n    <name>euca2ools</name>\n    <version>3.4-devel</version>\n    <release>0</release>\n  </importer>\n" +
                "  <self-destruct-url>http://h/b/u/disk.raw.manifest.xml?AWSAccessKeyId=A&amp;Expires=1&amp;Signature=d</self-destruct-url>\n" +
                "  <import>\n" +
                "    <size>25000000</size>\n" +
                "    <volume-size>1</volume-size>\n" +
                "    <parts count=\"3\">\n" +
                "      <part index=\"0\">\n        <byte-range start=\"0\" end=\"10485759\" />\n        <key>u/disk.raw.part.0</key>\n" +
                "        <head-url>http://h/b/u/disk.raw.part.0?x=1&amp;y=2</head-url>\n        <get-url>g0</get-url>\n        <delete-url>d0</delete-url>\n      </part>\n" +
                "      <part index=\"1\">\n        <byte-range start=\"10485760\" end=\"20971519\" />\n        <key>u/disk.raw.part.1</key>\n" +
                "        <head-url>h1</head-url>\n        <get-url>g1</get-url>\n        <delete-url>d1</delete-url>\n      </part>\n" +
                "      <part index=\"2\">\n        <byte-range start=\"20971520\" end=\"24999999\" />\n        <key>u/disk.raw.part.2</key>\n" +
                "        <head-url>h2</head-url>\n        <get-url>g2</get-url>\n        <delete-url>d2</delete-url>\n      </part>\n" +
                "    </parts>\n" +
                "  </import>\n" +
                "</manifest>\n";
            Assert.Equal(expected, xml);
        }

        [Fact]
        public void ReadsBackWhatItWrites()
        {
            ImportManifest read = ImportManifestXml.Read(new MemoryStream(ImportManifestXml.Write(Sample())), "sample");

            Assert.Equal(("2010-11-15", "RAW", "euca2ools", 25000000L, 1L), (read.Version, read.FileFormat, read.ImporterName, read.Size, read.VolumeSize));
            Assert.Equal(new[] { 0, 1, 2 }, read.Parts.Select(p => p.Index));
            Assert.Equal(new[] { 10485760L, 10485760L, 4028480L }, read.Parts.Select(p => p.Length));
            Assert.Equal("http://h/b/u/disk.raw.part.0?x=1&y=2", read.Parts[0].HeadUrl);
            Assert.Equal("d2", read.Parts[2].DeleteUrl);
        }

        [Theory]
        [InlineData("<manifest><version>2010-11-15</version><file-format>RAW</file-format></manifest>", "<import> is missing")]
        [InlineData("<manifest><version>2010-11-15</version><file-format>RAW</file-format><import><size>x</size><volume-size>1</volume-size><parts/></import></manifest>", "size 'x'")]
        [InlineData("<manifest><version>", "not valid")]
        [InlineData("<other/>", "root element")]
        public void RejectsMalformedManifestsWithTheirSource(string xml, string reason)
        {
            var e = Assert.Throws<EucaException>(() => ImportManifestXml.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "bucket/key"));

            Assert.Equal("ImportManifestInvalid", e.ErrorId);
            Assert.Contains(reason, e.Message);
            Assert.Contains("bucket/key", e.Message);
        }
    }
}
