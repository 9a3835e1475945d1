using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Crypto
{
    /// <summary>Issue 11, class 4: RSA keys under 2048 bits and a signing key that does not match the user certificate are refused.</summary>
    public sealed class WeakAndMismatchedKeyTests
    {
        private static byte[] SelfSignedPem(int bits)
        {
            using RSA key = RSA.Create(bits);
            var request = new CertificateRequest("CN=test-" + bits, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return Encoding.ASCII.GetBytes(certificate.ExportCertificatePem());
        }

        [Theory]
        [InlineData(1024)]
        [InlineData(1536)]
        public void ACertificateWithAnRsaKeyUnder2048BitsIsRefused(int bits)
        {
            var error = Assert.Throws<EucaException>(() => CertificateLoader.Load(SelfSignedPem(bits), "weak-cert.pem"));
            Assert.Equal("CertificateKeyTooWeak", error.ErrorId);
            Assert.Equal("weak-cert.pem", error.Target);
            Assert.Contains($"{bits}-bit", error.Message);
        }

        [Fact]
        public void ACertificateWithA2048BitKeyIsAccepted()
        {
            Assert.Equal(2048, CertificateLoader.Load(SelfSignedPem(2048), "cert.pem").GetRSAPublicKey()!.KeySize);
        }

        [Fact]
        public async Task BundlingWithAPrivateKeyOfAnotherCertificateIsRefusedBeforeAnythingIsWritten()
        {
            using var temp = new TempDirectory();
            string image = temp.File("disk.img");
            File.WriteAllBytes(image, new byte[4096]);
            string destination = temp.File("bundle");
            BundleCreateRequest request = StorageTestBundle.Request(image, destination);
            request.SigningKey = RSA.Create(2048);

            var error = await Assert.ThrowsAsync<EucaException>(() => BundleCreator.CreateAsync(request, null, CancellationToken.None));

            Assert.Equal("KeyPairMismatch", error.ErrorId);
            Assert.False(Directory.Exists(destination));
        }
    }
}
