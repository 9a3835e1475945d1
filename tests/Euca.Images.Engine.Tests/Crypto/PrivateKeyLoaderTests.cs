using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Crypto
{
    public sealed class PrivateKeyLoaderTests : IClassFixture<KeyFixtures>
    {
        private readonly KeyFixtures _keys;

        public PrivateKeyLoaderTests(KeyFixtures keys) => _keys = keys;

        private X509Certificate2 Certificate => CertificateLoader.Load(_keys.Path("cert.pem"));

        [Theory]
        [InlineData("pkcs1.pem")]
        [InlineData("pkcs8.pem")]
        [InlineData("pkcs1.der")]
        [InlineData("pkcs8.der")]
        [InlineData("key-nopass.pfx")]
        public void LoadsUnencryptedKeysThatMatchTheCertificateAndSign(string file)
        {
            using RSA key = PrivateKeyLoader.Load(_keys.Path(file));
            AssertUsableFor(key, Certificate);
        }

        [Theory]
        [InlineData("legacy-encrypted.pem")]
        [InlineData("encrypted-pbes2.pem")]
        [InlineData("encrypted-pbes1.pem")]
        [InlineData("encrypted-pbes2.der")]
        [InlineData("key.pfx")]
        public void LoadsEncryptedKeysWithThePassword(string file)
        {
            using RSA key = PrivateKeyLoader.Load(_keys.Path(file), SecureStrings.Of(KeyFixtures.Password));
            AssertUsableFor(key, Certificate);
        }

        [Theory]
        [InlineData("legacy-encrypted.pem")]
        [InlineData("encrypted-pbes2.pem")]
        [InlineData("encrypted-pbes2.der")]
        [InlineData("key.pfx")]
        public void PromptsOnlyForEncryptedKeysAndPassesThePath(string file)
        {
            var prompts = new List<string>();
            using RSA key = PrivateKeyLoader.Load(_keys.Path(file), null, source =>
            {
                prompts.Add(source);
                return SecureStrings.Of(KeyFixtures.Password);
            });
            Assert.Equal(new[] { _keys.Path(file) }, prompts);
            AssertUsableFor(key, Certificate);
        }

        [Fact]
        public void DoesNotPromptForPlainKeys()
        {
            var prompts = new List<string>();
            using RSA key = PrivateKeyLoader.Load(_keys.Path("pkcs1.pem"), null, source =>
            {
                prompts.Add(source);
                return null;
            });
            Assert.Empty(prompts);
        }

        [Theory]
        [InlineData("legacy-encrypted.pem")]
        [InlineData("encrypted-pbes2.pem")]
        [InlineData("encrypted-pbes1.pem")]
        [InlineData("encrypted-pbes2.der")]
        [InlineData("key.pfx")]
        public void EncryptedKeyWithoutPasswordNeedsOne(string file)
        {
            var error = Assert.Throws<EucaException>(() => PrivateKeyLoader.Load(_keys.Path(file), null, _ => null));
            Assert.Equal("PrivateKeyPasswordRequired", error.ErrorId);
            Assert.Equal(_keys.Path(file), error.Target);
        }

        [Theory]
        [InlineData("legacy-encrypted.pem")]
        [InlineData("encrypted-pbes2.pem")]
        [InlineData("encrypted-pbes1.pem")]
        [InlineData("encrypted-pbes2.der")]
        [InlineData("key.pfx")]
        public void WrongPasswordIsReportedWithoutRevealingIt(string file)
        {
            const string wrong = "Tr0ub4dor&3";
            var error = Assert.Throws<EucaException>(() => PrivateKeyLoader.Load(_keys.Path(file), SecureStrings.Of(wrong)));
            Assert.Equal("PrivateKeyPasswordInvalid", error.ErrorId);
            Assert.DoesNotContain(wrong, error.Message);
            Assert.DoesNotContain(KeyFixtures.Password, error.Message);
        }

        [Theory]
        [InlineData("ec-pkcs8.pem")]
        [InlineData("ec-sec1.pem")]
        [InlineData("ec-sec1.der")]
        public void EcKeysAreRejectedAsNotRsa(string file)
        {
            var error = Assert.Throws<EucaException>(() => PrivateKeyLoader.Load(_keys.Path(file)));
            Assert.Equal("PrivateKeyNotRsa", error.ErrorId);
        }

        [Theory]
        [InlineData("garbage.bin")]
        [InlineData("cert.pem")]
        [InlineData("does-not-exist.pem")]
        public void UnreadableInputs(string file)
        {
            var error = Assert.Throws<EucaException>(() => PrivateKeyLoader.Load(_keys.Path(file)));
            Assert.Equal("PrivateKeyUnreadable", error.ErrorId);
            Assert.Equal(_keys.Path(file), error.Target);
        }

        [Fact]
        public void LoadsTheEuca2oolsTestKeys()
        {
            using RSA user = PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem"));
            using RSA cloud = PrivateKeyLoader.Load(Euca2oolsTestData.Key("cloud-key.pem"));
            X509Certificate2 userCert = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));
            X509Certificate2 cloudCert = CertificateLoader.Load(Euca2oolsTestData.Key("cloud-cert.pem"));
            Assert.True(KeyPairCheck.Matches(userCert, user));
            Assert.True(KeyPairCheck.Matches(cloudCert, cloud));
            Assert.False(KeyPairCheck.Matches(cloudCert, user));
            Assert.False(KeyPairCheck.Matches(userCert, cloud));
        }

        private static void AssertUsableFor(RSA key, X509Certificate2 certificate)
        {
            Assert.True(KeyPairCheck.Matches(certificate, key));
            byte[] data = Encoding.ASCII.GetBytes("signed by the loaded key");
            byte[] signature = key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
            using RSA publicKey = certificate.GetRSAPublicKey()!;
            Assert.True(publicKey.VerifyData(data, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        }
    }
}
