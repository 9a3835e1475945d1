using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;

namespace Euca.Images.Bench
{
    /// <summary>Bundle requests for the benchmark image, each into a fresh folder of the work directory.</summary>
    internal sealed class BenchBundles : IDisposable
    {
        private readonly RSA _cloudKey = RSA.Create(2048);
        private readonly X509Certificate2 _cloud;
        private readonly string _image;
        private readonly string _work;

        public BenchBundles(string image, string work)
        {
            _image = image;
            _work = work;
            _cloud = new CertificateRequest("CN=bench-cloud", _cloudKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        }

        public BundleCreateRequest Request(string folder) =>
            new BundleCreateRequest(_image, new BundleImageProperties { Architecture = "x86_64", AccountId = "123456789012" }, _cloud)
            {
                Destination = Fresh(folder),
            };

        public string Fresh(string folder)
        {
            string dir = Path.Combine(_work, folder);
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            return dir;
        }

        public void Dispose()
        {
            _cloud.Dispose();
            _cloudKey.Dispose();
        }
    }
}
