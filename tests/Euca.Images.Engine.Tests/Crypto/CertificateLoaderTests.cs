using System.IO;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Crypto
{
    public sealed class CertificateLoaderTests : IClassFixture<KeyFixtures>
    {
        private readonly KeyFixtures _keys;

        public CertificateLoaderTests(KeyFixtures keys) => _keys = keys;

        private string ExpectedThumbprint => X509CertificateLoader.LoadCertificateFromFile(_keys.Path("cert.der")).Thumbprint;

        [Theory]
        [InlineData("cert.pem")]
        [InlineData("cert.der")]
        [InlineData("cert-with-text.pem")]
        [InlineData("key-nopass.pfx")]
        public void LoadsTheSameCertificateFromEveryFormat(string file)
        {
            X509Certificate2 certificate = CertificateLoader.Load(_keys.Path(file));
            Assert.Equal(ExpectedThumbprint, certificate.Thumbprint);
        }

        [Fact]
        public void LoadsPasswordProtectedPfx()
        {
            X509Certificate2 certificate = CertificateLoader.Load(_keys.Path("key.pfx"), SecureStrings.Of(KeyFixtures.Password));
            Assert.Equal(ExpectedThumbprint, certificate.Thumbprint);
        }

        [Fact]
        public void PfxWithWrongPasswordIsReportedAsSuch()
        {
            const string wrong = "Tr0ub4dor&3";
            var error = Assert.Throws<EucaException>(() => CertificateLoader.Load(_keys.Path("key.pfx"), SecureStrings.Of(wrong)));
            Assert.Equal("CertificatePasswordInvalid", error.ErrorId);
            Assert.DoesNotContain(wrong, error.Message);
        }

        [Fact]
        public void LoadsTheEuca2oolsUserCertificate()
        {
            X509Certificate2 certificate = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));
            Assert.Contains("euca-images-test-user", certificate.Subject);
        }

        [Fact]
        public void EcCertificateIsRejectedAsNotRsa()
        {
            var error = Assert.Throws<EucaException>(() => CertificateLoader.Load(_keys.Path("ec-cert.pem")));
            Assert.Equal("CertificateNotRsa", error.ErrorId);
            Assert.Equal(_keys.Path("ec-cert.pem"), error.Target);
        }

        [Fact]
        public void EcCertificateInstanceIsRejectedAsNotRsa()
        {
            X509Certificate2 ec = X509CertificateLoader.LoadCertificateFromFile(_keys.Path("ec-cert.pem"));
            Assert.Equal("CertificateNotRsa", Assert.Throws<EucaException>(() => CertificateLoader.FromCertificate(ec)).ErrorId);
        }

        [Theory]
        [InlineData("missing.pem")]
        [InlineData("garbage.bin")]
        [InlineData("pkcs8.pem")]
        [InlineData("pkcs1.der")]
        public void UnreadableInputsNameThePath(string file)
        {
            var error = Assert.Throws<EucaException>(() => CertificateLoader.Load(_keys.Path(file)));
            Assert.Equal("CertificateUnreadable", error.ErrorId);
            Assert.Equal(_keys.Path(file), error.Target);
        }

        [Fact]
        public void MissingFileIsObjectNotFound()
        {
            var error = Assert.Throws<EucaException>(() => CertificateLoader.Load(Path.Combine(_keys.Directory, "nope.pem")));
            Assert.Equal(EucaErrorCategory.ObjectNotFound, error.Category);
        }
    }
}
