using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>Small signed bundles (64 KiB parts) of deterministic images, made with the engine's own bundler.</summary>
    public static class StorageTestBundle
    {
        public const int PartSize = 65536;

        public static BundleCreateRequest Request(string imagePath, string? destination) =>
            new BundleCreateRequest(imagePath, new BundleImageProperties { Architecture = "x86_64", AccountId = "123456789012" },
                CertificateLoader.Load(Euca2oolsTestData.Key("cloud-cert.pem")))
            {
                UserCertificate = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem")),
                SigningKey = PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem")),
                Destination = destination,
                PartSize = PartSize,
            };

        public static string Image(TempDirectory temp, string name, int size, int seed) =>
            ImageMaker.Write(temp.File(name), ImageMaker.Mixed(size, seed));

        public static Task<BundleInfo> CreateAsync(TempDirectory temp, string name, int size = 600_000, int seed = 5) =>
            BundleCreator.CreateAsync(Request(Image(temp, name, size, seed), temp.File("bundle-" + name)), null, CancellationToken.None);

        public static RSA UserKey() => PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem"));
    }
}
