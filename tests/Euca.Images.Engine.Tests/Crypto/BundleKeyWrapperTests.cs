using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Crypto
{
    public sealed class BundleKeyWrapperTests
    {
        [Theory]
        [InlineData("basic")]
        [InlineData("emptylast")]
        [InlineData("kernel")]
        [InlineData("mapped")]
        public void UserKeyOpensTheUserCopy(string folder)
        {
            BundleManifest manifest = ManifestReader.ReadFile(Euca2oolsTestData.Manifest(folder)).Manifest;
            using RSA userKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem"));
            UnwrappedBundleKey key = manifest.UnwrapKey(userKey);
            Assert.Equal(BundleKeyCopy.User, key.Source);
            AssertTestdataKey(key.Material);
        }

        [Theory]
        [InlineData("basic")]
        [InlineData("emptylast")]
        [InlineData("kernel")]
        [InlineData("mapped")]
        [InlineData("unsigned")]
        public void CloudKeyFallsBackToTheCloudCopy(string folder)
        {
            BundleManifest manifest = ManifestReader.ReadFile(Euca2oolsTestData.Manifest(folder)).Manifest;
            using RSA cloudKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("cloud-key.pem"));
            UnwrappedBundleKey key = manifest.UnwrapKey(cloudKey);
            Assert.Equal(BundleKeyCopy.Cloud, key.Source);
            AssertTestdataKey(key.Material);
        }

        [Fact]
        public void UserKeyCannotOpenABundleWithoutUserCopy()
        {
            BundleManifest manifest = ManifestReader.ReadFile(Euca2oolsTestData.Manifest("unsigned")).Manifest;
            using RSA userKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem"));
            var error = Assert.Throws<EucaException>(() => manifest.UnwrapKey(userKey));
            Assert.Equal("BundleKeyMismatch", error.ErrorId);
            Assert.Contains("does not match the user or cloud certificate", error.Message);
        }

        [Fact]
        public void UnrelatedKeyIsAMismatch()
        {
            BundleManifest manifest = ManifestReader.ReadFile(Euca2oolsTestData.Manifest("basic")).Manifest;
            using RSA other = RSA.Create(2048);
            Assert.Equal("BundleKeyMismatch", Assert.Throws<EucaException>(() => manifest.UnwrapKey(other)).ErrorId);
        }

        [Fact]
        public void WrappedHexIsWhatOpenSslDecrypts()
        {
            BundleKeyMaterial material = BundleKeyMaterial.Generate();
            X509Certificate2 userCert = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));
            string wrapped = BundleKeyWrapper.Wrap(material.KeyHex, userCert);

            Assert.Equal(512, wrapped.Length);
            Assert.Equal(wrapped.ToLowerInvariant(), wrapped);
            byte[] plain = OpenSsl.Run($"pkeyutl -decrypt -inkey \"{Euca2oolsTestData.Key("user-key.pem")}\"", Convert.FromHexString(wrapped));
            Assert.Equal(material.KeyHex, Encoding.ASCII.GetString(plain));
        }

        [Fact]
        public void WrappingUsesFreshPaddingAndRoundTrips()
        {
            BundleKeyMaterial material = BundleKeyMaterial.Generate();
            X509Certificate2 cloudCert = CertificateLoader.Load(Euca2oolsTestData.Key("cloud-cert.pem"));
            string first = BundleKeyWrapper.Wrap(material.KeyHex, cloudCert);
            string second = BundleKeyWrapper.Wrap(material.KeyHex, cloudCert);
            Assert.NotEqual(first, second);

            using RSA cloudKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("cloud-key.pem"));
            UnwrappedBundleKey key = BundleKeyWrapper.Unwrap("", "", first, BundleKeyWrapper.Wrap(material.IvHex, cloudCert), cloudKey);
            Assert.Equal(BundleKeyCopy.Cloud, key.Source);
            Assert.Equal(material.GetKey(), key.Material.GetKey());
            Assert.Equal(material.GetIv(), key.Material.GetIv());
        }

        [Fact]
        public void GeneratedMaterialIsLowerCaseHexOfRandomBytes()
        {
            BundleKeyMaterial a = BundleKeyMaterial.Generate();
            BundleKeyMaterial b = BundleKeyMaterial.Generate();
            Assert.Matches("^[0-9a-f]{32}$", a.KeyHex);
            Assert.Matches("^[0-9a-f]{32}$", a.IvHex);
            Assert.Equal(Convert.ToHexString(a.GetKey()).ToLowerInvariant(), a.KeyHex);
            Assert.NotEqual(a.KeyHex, b.KeyHex);
            Assert.NotEqual(a.KeyHex, a.IvHex);
        }

        private static void AssertTestdataKey(BundleKeyMaterial material)
        {
            Assert.Equal(Euca2oolsTestData.KeyHex, material.KeyHex);
            Assert.Equal(Euca2oolsTestData.IvHex, material.IvHex);
            Assert.Equal(Convert.FromHexString(Euca2oolsTestData.KeyHex), material.GetKey());
            Assert.Equal(Convert.FromHexString(Euca2oolsTestData.IvHex), material.GetIv());
        }
    }
}
