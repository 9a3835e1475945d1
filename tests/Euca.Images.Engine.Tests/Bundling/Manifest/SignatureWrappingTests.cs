using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    /// <summary>
    /// Issue 11, class 1: the signature covers exactly the <c>machine_configuration</c> and <c>image</c> elements the
    /// reader maps, so genuinely signed text hidden elsewhere cannot vouch for other content.
    /// </summary>
    public sealed class SignatureWrappingTests
    {
        private static readonly string Basic = File.ReadAllText(Euca2oolsTestData.Manifest("basic"));

        private static X509Certificate2 UserCert => CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));

        private static string GenuineSigned => Between(Basic, "<machine_configuration>", "</image>");

        private static string Signature => Between(Basic, "<signature>", "</signature>");

        /// <summary>Another image: other size, other first part.</summary>
        private static string ForgedImage => Between(Basic, "<image>", "</image>")
            .Replace("<size>300000</size>", "<size>300001</size>")
            .Replace("disk.img.part.00", "evil.part.00");

        private static string Between(string text, string open, string close)
        {
            int start = text.IndexOf(open);
            int end = text.IndexOf(close, start) + close.Length;
            return text.Substring(start, end - start);
        }

        private static string Manifest(string body) =>
            "<?xml version='1.0' encoding='ASCII'?>\n<manifest><version>2007-10-10</version>" + body + Signature + "</manifest>";

        private static EucaException ReadFails(string text) =>
            Assert.Throws<EucaException>(() => ManifestReader.Read(Encoding.UTF8.GetBytes(text), "wrapped.manifest.xml"));

        [Fact]
        public void SignedTextTuckedIntoTheBundlerFollowedByAnotherImageIsRefused()
        {
            string text = Manifest("<bundler><x>" + GenuineSigned + "</x></bundler>"
                + "<machine_configuration><architecture>x86_64</architecture></machine_configuration>" + ForgedImage);

            EucaException error = ReadFails(text);

            Assert.Equal("ManifestStructureInvalid", error.ErrorId);
            Assert.Equal("machine_configuration", error.Target);
        }

        [Theory]
        [InlineData("image")]
        [InlineData("machine_configuration")]
        public void ASecondSignedElementBesideTheFirstIsRefused(string element)
        {
            string copy = Between(GenuineSigned, "<" + element + ">", "</" + element + ">");
            EucaException error = ReadFails(Manifest(GenuineSigned + copy));
            Assert.Equal("ManifestStructureInvalid", error.ErrorId);
            Assert.Contains("more than once", error.Message);
        }

        [Fact]
        public void ASecondSignatureIsRefused()
        {
            Assert.Equal("ManifestStructureInvalid", ReadFails(Manifest(GenuineSigned + Signature)).ErrorId);
        }

        [Fact]
        public void ADuplicatedValueInsideTheImageIsRefused()
        {
            string doubled = GenuineSigned.Replace("<size>300000</size>", "<size>300000</size><size>1</size>");
            EucaException error = ReadFails(Manifest(doubled));
            Assert.Equal("ManifestStructureInvalid", error.ErrorId);
            Assert.Equal("size", error.Target);
        }

        [Fact]
        public void GenuineSignedTextInACommentDoesNotVouchForTheRealElements()
        {
            string forged = "<machine_configuration><architecture>x86_64</architecture></machine_configuration>" + ForgedImage;
            string text = Manifest("<!--" + GenuineSigned + "-->" + forged);

            ManifestDocument document = ManifestReader.Read(Encoding.UTF8.GetBytes(text), "commented.manifest.xml");

            Assert.Equal(Encoding.ASCII.GetBytes(forged), document.SignedBytes);
            Assert.Equal(SignatureCheck.Invalid, document.VerifySignature(UserCert));
        }

        [Fact]
        public void TheSignedBytesAreTheElementsWhereverTheyStandAcrossLines()
        {
            string signed = GenuineSigned;
            int split = signed.IndexOf("<image>");
            string machine = signed.Substring(0, split);
            string image = signed.Substring(split);
            // Line breaks of every kind before the elements shift their offsets; the signed text itself is unchanged.
            string text = Manifest("\r\n  <bundler><name>x</name></bundler>\r  " + machine + "\n\t<!-- between -->\r\n " + image + "\n");

            ManifestDocument document = ManifestReader.Read(Encoding.UTF8.GetBytes(text), "spread.manifest.xml");

            Assert.Equal(SignatureCheck.Valid, document.VerifySignature(UserCert));
            Assert.Equal("x86_64", document.Manifest.Architecture);
        }

        [Fact]
        public void AManifestNestedOneHundredThousandDeepIsRefusedAtOnce()
        {
            const int depth = 100_000;
            string text = "<manifest>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</manifest>";
            var watch = Stopwatch.StartNew();

            EucaException error = ReadFails(text);

            Assert.Equal("ManifestStructureInvalid", error.ErrorId);
            Assert.True(watch.Elapsed.TotalSeconds < 2, $"refusing took {watch.Elapsed}");
        }

        [Theory]
        [InlineData("<ec2_encrypted_key algorithm=\"AES-128-CBC\">", "<ec2_encrypted_key algorithm=\"AES-256-CBC\">")]
        [InlineData("<user_encrypted_key algorithm=\"AES-128-CBC\">", "<user_encrypted_key algorithm=\"DES-CBC\">")]
        [InlineData("<digest algorithm=\"SHA1\">4d61", "<digest algorithm=\"MD5\">4d61")]
        public void AnAlgorithmOtherThanAes128CbcOrSha1IsRefused(string original, string replacement)
        {
            Assert.Contains(original, Basic);
            EucaException error = ReadFails(Basic.Replace(original, replacement));
            Assert.Equal("ManifestAlgorithmUnsupported", error.ErrorId);
        }

        [Theory]
        [InlineData("/etc/passwd")]
        [InlineData("../disk.img")]
        [InlineData("..")]
        public void AnImageNameThatIsAPathIsRefusedWhenRead(string name)
        {
            EucaException error = ReadFails(Basic.Replace("<name>disk.img</name>", "<name>" + name + "</name>"));
            Assert.Equal("ManifestImageNameInvalid", error.ErrorId);
            Assert.Equal(name, error.Target);
        }
    }
}
