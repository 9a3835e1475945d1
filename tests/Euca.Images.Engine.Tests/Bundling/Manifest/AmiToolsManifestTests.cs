using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    /// <summary>
    /// A manifest in ec2-ami-tools 1.5 style (REXML: plain declaration, single-quoted attributes, part names padded
    /// to the digits of the part count, kernel_name and ancestry), signed over its raw text as ec2-ami-tools does.
    /// </summary>
    public sealed class AmiToolsManifestTests
    {
        private readonly X509Certificate2 _userCert = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));
        private readonly X509Certificate2 _cloudCert = CertificateLoader.Load(Euca2oolsTestData.Key("cloud-cert.pem"));

        private (byte[] Raw, BundleKeyMaterial Keys) AmiManifest()
        {
            BundleKeyMaterial keys = BundleKeyMaterial.Generate();
            string parts = string.Concat(Enumerable.Range(0, 12).Select(i =>
                $"<part index='{i}'><filename>ubuntu.img.part.{i:00}</filename><digest algorithm='SHA1'>{new string((char)('a' + i % 6), 40)}</digest></part>"));
            string machine = "<machine_configuration><architecture>i386</architecture><kernel_id>aki-12345678</kernel_id></machine_configuration>";
            string image = "<image><name>ubuntu.img</name><user>123456789012</user><type>machine</type>"
                + "<kernel_name>vmlinuz-2.6.16-xenU</kernel_name><ancestry><ancestor_ami_id>ami-11111111</ancestor_ami_id><ancestor_ami_id>ami-22222222</ancestor_ami_id></ancestry>"
                + "<digest algorithm='SHA1'>0123456789abcdef0123456789abcdef01234567</digest><size>123456789</size><bundled_size>120000000</bundled_size>"
                + $"<ec2_encrypted_key algorithm='AES-128-CBC'>{BundleKeyWrapper.Wrap(keys.KeyHex, _cloudCert)}</ec2_encrypted_key>"
                + $"<user_encrypted_key algorithm='AES-128-CBC'>{BundleKeyWrapper.Wrap(keys.KeyHex, _userCert)}</user_encrypted_key>"
                + $"<ec2_encrypted_iv>{BundleKeyWrapper.Wrap(keys.IvHex, _cloudCert)}</ec2_encrypted_iv>"
                + $"<user_encrypted_iv>{BundleKeyWrapper.Wrap(keys.IvHex, _userCert)}</user_encrypted_iv>"
                + $"<parts count='12'>{parts}</parts></image>";
            using RSA userKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem"));
            string signature = Convert.ToHexString(userKey.SignData(Encoding.ASCII.GetBytes(machine + image), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)).ToLowerInvariant();
            string text = "<?xml version='1.0'?><manifest><version>2007-10-10</version><bundler><name>ec2-ami-tools</name><version>1.5</version><release>3</release></bundler>"
                + machine + image + $"<signature>{signature}</signature></manifest>";
            return (Encoding.ASCII.GetBytes(text), keys);
        }

        [Fact]
        public void ParsesTheAmiToolsStyle()
        {
            BundleManifest manifest = ManifestReader.Read(AmiManifest().Raw, "ami.manifest.xml").Manifest;
            Assert.Equal("ec2-ami-tools", manifest.Bundler!.Name);
            Assert.Equal("i386", manifest.Architecture);
            Assert.Equal("aki-12345678", manifest.KernelId);
            Assert.Equal("vmlinuz-2.6.16-xenU", manifest.KernelName);
            Assert.Equal(new[] { "ami-11111111", "ami-22222222" }, manifest.AncestorAmiIds);
            Assert.Equal(123456789, manifest.Size);
            Assert.Equal(12, manifest.Parts.Count);
            Assert.Equal("ubuntu.img.part.00", manifest.Parts[0].FileName);
            Assert.Equal("ubuntu.img.part.11", manifest.Parts[11].FileName);
        }

        [Fact]
        public void SignatureOverTheRawTextVerifies()
        {
            byte[] raw = AmiManifest().Raw;
            Assert.Equal(SignatureCheck.Valid, ManifestReader.Read(raw, "ami").VerifySignature(_userCert));

            // Re-serialising with double quotes (what a parse-and-rewrite verifier would do) changes the signed bytes.
            byte[] requoted = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(raw).Replace("'SHA1'", "\"SHA1\""));
            Assert.Equal(SignatureCheck.Invalid, ManifestReader.Read(requoted, "requoted").VerifySignature(_userCert));
        }

        [Fact]
        public void BothKeysOpenIt()
        {
            (byte[] raw, BundleKeyMaterial keys) = AmiManifest();
            BundleManifest manifest = ManifestReader.Read(raw, "ami").Manifest;
            using RSA userKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem"));
            using RSA cloudKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("cloud-key.pem"));
            Assert.Equal(keys.KeyHex, manifest.UnwrapKey(userKey).Material.KeyHex);
            Assert.Equal(keys.IvHex, manifest.UnwrapKey(cloudKey).Material.IvHex);
        }
    }
}
