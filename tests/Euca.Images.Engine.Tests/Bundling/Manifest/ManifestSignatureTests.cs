using System.IO;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    public sealed class ManifestSignatureTests
    {
        private static X509Certificate2 UserCert => CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));

        [Theory]
        [InlineData("basic")]
        [InlineData("emptylast")]
        [InlineData("kernel")]
        [InlineData("mapped")]
        public void Euca2oolsSignaturesVerifyWithTheUserCertificate(string folder)
        {
            ManifestDocument document = ManifestReader.ReadFile(Euca2oolsTestData.Manifest(folder));
            Assert.Equal(SignatureCheck.Valid, document.VerifySignature(UserCert));
        }

        [Theory]
        [InlineData("basic")]
        [InlineData("mapped")]
        public void WrongCertificateIsInvalid(string folder)
        {
            ManifestDocument document = ManifestReader.ReadFile(Euca2oolsTestData.Manifest(folder));
            Assert.Equal(SignatureCheck.Invalid, document.VerifySignature(CertificateLoader.Load(Euca2oolsTestData.Key("cloud-cert.pem"))));
        }

        [Fact]
        public void SignedRangeIsTheRawMachineConfigurationAndImageText()
        {
            string text = File.ReadAllText(Euca2oolsTestData.Manifest("mapped"));
            int start = text.IndexOf("<machine_configuration>");
            int end = text.IndexOf("</image>") + "</image>".Length;
            byte[] expected = System.Text.Encoding.ASCII.GetBytes(text.Substring(start, end - start));
            Assert.Equal(expected, ManifestReader.ReadFile(Euca2oolsTestData.Manifest("mapped")).SignedBytes);
        }

        [Theory]
        [InlineData("<architecture>x86_64", "<architecture>x86_65")]
        [InlineData("<size>300000</size>", "<size>300001</size>")]
        [InlineData("disk.img.part.01", "disk.img.part.0l")]
        public void ChangingOneByteOfTheSignedTextIsInvalid(string original, string tampered)
        {
            string text = File.ReadAllText(Euca2oolsTestData.Manifest("basic"));
            Assert.Contains(original, text);
            byte[] raw = System.Text.Encoding.ASCII.GetBytes(text.Replace(original, tampered));
            ManifestDocument document = ManifestReader.Read(raw, "tampered");
            Assert.Equal(SignatureCheck.Invalid, document.VerifySignature(UserCert));
        }

        [Fact]
        public void FlippedSignatureByteIsInvalid()
        {
            ManifestDocument document = ManifestReader.ReadFile(Euca2oolsTestData.Manifest("basic"));
            string signature = document.Manifest.Signature!;
            string flipped = (signature[0] == '0' ? "1" : "0") + signature.Substring(1);
            Assert.Equal(SignatureCheck.Invalid, ManifestSignature.Verify(document.SignedBytes, flipped, UserCert));
            Assert.Equal(SignatureCheck.Invalid, ManifestSignature.Verify(document.SignedBytes, "not hex", UserCert));
        }

        [Fact]
        public void UnsignedIsNeitherValidNorInvalid()
        {
            ManifestDocument document = ManifestReader.ReadFile(Euca2oolsTestData.Manifest("unsigned"));
            Assert.Equal(SignatureCheck.Unsigned, document.VerifySignature(UserCert));
        }
    }
}
