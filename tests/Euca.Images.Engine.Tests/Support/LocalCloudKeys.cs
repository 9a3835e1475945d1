using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// The local cloud's test key pairs (tests/Euca.Images.LocalCloud/certs): its cloud certificate, the certificate it
    /// holds for user account 123456789012 (which a manifest it registers must be signed with), and the second cloud's
    /// pair, another cloud than the bundles' own.
    /// </summary>
    public static class LocalCloudKeys
    {
        public static string SecondCloudCertificatePath => File("second-cloud-cert.pem");

        public static string SecondCloudKeyPath => File("second-cloud-key.pem");

        public static X509Certificate2 CloudCertificate() => CertificateLoader.Load(File("cloud-cert.pem"));

        public static X509Certificate2 SecondCloudCertificate() => CertificateLoader.Load(SecondCloudCertificatePath);

        public static RSA SecondCloudKey() => PrivateKeyLoader.Load(SecondCloudKeyPath);

        public static X509Certificate2 UserCertificate() => CertificateLoader.Load(File("user-cert.pem"));

        public static RSA UserKey() => PrivateKeyLoader.Load(File("user-key.pem"));

        private static string File(string name) => RepositoryFiles.Path("tests", "Euca.Images.LocalCloud", "certs", name);
    }
}
