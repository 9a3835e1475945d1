using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    /// <summary>Our own manifests with fresh keys, checked with openssl the way bundle-format §8 describes.</summary>
    public sealed class ManifestWriterTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "euca-manifest-" + Guid.NewGuid().ToString("N"));
        private readonly BundleKeyMaterial _keys = BundleKeyMaterial.Generate();
        private readonly X509Certificate2 _userCert = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));
        private readonly X509Certificate2 _cloudCert = CertificateLoader.Load(Euca2oolsTestData.Key("cloud-cert.pem"));

        public ManifestWriterTests() => Directory.CreateDirectory(_dir);

        public void Dispose() => Directory.Delete(_dir, true);

        private BundleManifest NewManifest(string imageName = "disk.img", X509Certificate2? userCert = null) =>
            BundleManifestFactory.Create(
                new BundleImageProperties
                {
                    Architecture = "x86_64",
                    AccountId = "123456789012",
                    ImageName = imageName,
                    BlockDeviceMappings = new List<BlockDeviceMapping> { new BlockDeviceMapping("root", "/dev/sda1"), new BlockDeviceMapping("ami", "sda1") },
                },
                "4d613d6e656845c661c8d98294175d276ba1ec7b", 300000, 150688,
                new[] { new BundlePart(1, imageName + ".part.01", new string('b', 40)), new BundlePart(0, imageName + ".part.00", new string('a', 40)) },
                _keys, _cloudCert, userCert ?? _userCert);

        [Fact]
        public void OpenSslVerifiesOurSignatureOverTheExtractedText()
        {
            using RSA userKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem"));
            string text = Encoding.ASCII.GetString(new ManifestWriter().Write(NewManifest(), userKey));

            // Same cuts as the grep -o commands of bundle-format §8.
            string signed = Regex.Match(text, "<machine_configuration>.*</machine_configuration>").Value
                + Regex.Match(text, "<image>.*</image>").Value;
            string signature = Regex.Match(text, "<signature>([^<]*)</signature>").Groups[1].Value;
            File.WriteAllText(Path.Combine(_dir, "signed"), signed);
            File.WriteAllBytes(Path.Combine(_dir, "sig"), Convert.FromHexString(signature));
            File.WriteAllBytes(Path.Combine(_dir, "pub"), OpenSsl.Run($"x509 -in \"{Euca2oolsTestData.Key("user-cert.pem")}\" -pubkey -noout"));

            string result = Encoding.ASCII.GetString(OpenSsl.Run("dgst -sha1 -verify pub -signature sig signed", null, _dir));
            Assert.Contains("Verified OK", result);
        }

        [Fact]
        public void OpenSslDecryptsBothWrappedCopies()
        {
            string text = Encoding.ASCII.GetString(new ManifestWriter().Write(NewManifest(), null));
            Assert.Equal(_keys.KeyHex, Decrypt(text, "user_encrypted_key", "user-key.pem"));
            Assert.Equal(_keys.IvHex, Decrypt(text, "user_encrypted_iv", "user-key.pem"));
            Assert.Equal(_keys.KeyHex, Decrypt(text, "ec2_encrypted_key", "cloud-key.pem"));
            Assert.Equal(_keys.IvHex, Decrypt(text, "ec2_encrypted_iv", "cloud-key.pem"));
        }

        [Fact]
        public void NamesThisEngineAsBundlerAndHasTheEuca2oolsShape()
        {
            string text = Encoding.ASCII.GetString(new ManifestWriter().Write(NewManifest(), null));
            string version = typeof(ManifestWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            Assert.StartsWith("<?xml version='1.0' encoding='ASCII'?>\n<manifest><version>2007-10-10</version>"
                + $"<bundler><name>Euca.Images</name><version>{version}</version><release>0</release></bundler>"
                + "<machine_configuration><architecture>x86_64</architecture><block_device_mapping>"
                + "<mapping><virtual>ami</virtual><device>sda1</device></mapping>"
                + "<mapping><virtual>root</virtual><device>/dev/sda1</device></mapping></block_device_mapping></machine_configuration>"
                + "<image><name>disk.img</name><user>123456789012</user><type>machine</type>", text);
            Assert.Contains("<parts count=\"2\"><part index=\"0\"><filename>disk.img.part.00</filename>", text);
            Assert.EndsWith("<signature>UNSIGNED</signature></manifest>", text);
            Assert.Equal(1, text.Split('\n').Length - 1);
        }

        [Fact]
        public void WithoutUserCertificateTheUserElementsAreEmpty()
        {
            BundleManifest manifest = BundleManifestFactory.Create(
                new BundleImageProperties { Architecture = "i386", AccountId = "123456789012", ImageName = "disk.img" },
                new string('0', 40), 1, 16, new[] { new BundlePart(0, "disk.img.part.00", new string('0', 40)) },
                _keys, _cloudCert, null);
            string text = Encoding.ASCII.GetString(new ManifestWriter().Write(manifest, null));
            Assert.Contains("<user_encrypted_key algorithm=\"AES-128-CBC\"/><ec2_encrypted_iv>", text);
            Assert.Contains("<user_encrypted_iv/><parts count=\"1\">", text);
        }

        [Fact]
        public void SpecialCharactersAreEscapedAndStillVerify()
        {
            const string name = "a&b<c>d é 😀.img";
            using RSA userKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem"));
            byte[] written = new ManifestWriter().Write(NewManifest(name), userKey);
            string text = Encoding.ASCII.GetString(written);
            Assert.Contains("<name>a&amp;b&lt;c&gt;d &#233; &#128512;.img</name>", text);
            Assert.All(written, b => Assert.True(b < 128));

            ManifestDocument document = ManifestReader.Read(written, "escaped");
            Assert.Equal(name, document.Manifest.ImageName);
            Assert.Equal(SignatureCheck.Valid, document.VerifySignature(_userCert));
        }

        [Fact]
        public void ReadBackEqualsWhatWasWritten()
        {
            using RSA userKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem"));
            BundleManifest original = NewManifest();
            ManifestDocument document = ManifestReader.Read(new ManifestWriter().Write(original, userKey), "ours");
            BundleManifest read = document.Manifest;
            Assert.Equal(original.Ec2EncryptedKey, read.Ec2EncryptedKey);
            Assert.Equal(original.UserEncryptedIv, read.UserEncryptedIv);
            Assert.Equal(new[] { "disk.img.part.00", "disk.img.part.01" }, read.Parts.Select(p => p.FileName));
            Assert.Equal(SignatureCheck.Valid, document.VerifySignature(_userCert));
            Assert.Equal(BundleKeyCopy.User, read.UnwrapKey(userKey).Source);
        }

        private string Decrypt(string manifestText, string element, string keyFile)
        {
            string hex = Regex.Match(manifestText, $"<{element}[^>]*>([^<]*)</{element}>").Groups[1].Value;
            return Encoding.ASCII.GetString(OpenSsl.Run($"pkeyutl -decrypt -inkey \"{Euca2oolsTestData.Key(keyFile)}\"", Convert.FromHexString(hex)));
        }
    }
}
