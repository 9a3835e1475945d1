using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>The certificate pair of the second local cloud (tests/Euca.Images.LocalCloud/certs/second-cloud-*.pem), another cloud than the bundles' own.</summary>
    public static class SecondCloudKeys
    {
        public static string CertificatePath => RepositoryFiles.Path("tests", "Euca.Images.LocalCloud", "certs", "second-cloud-cert.pem");

        public static string KeyPath => RepositoryFiles.Path("tests", "Euca.Images.LocalCloud", "certs", "second-cloud-key.pem");

        public static X509Certificate2 Certificate() => CertificateLoader.Load(CertificatePath);

        public static RSA Key() => PrivateKeyLoader.Load(KeyPath);
    }
}
