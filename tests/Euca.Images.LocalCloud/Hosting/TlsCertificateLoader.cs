using System.Security.Cryptography.X509Certificates;

namespace Euca.Images.LocalCloud.Hosting;

/// <summary>Loads the HTTPS server certificate and key from PEM files.</summary>
internal static class TlsCertificateLoader
{
    public static X509Certificate2 Load(string certificatePath, string keyPath)
    {
        using X509Certificate2 pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

        // A key read from PEM is ephemeral, and Windows SChannel cannot use ephemeral keys for a TLS server:
        // a PKCS#12 round trip gives the certificate a key it can use (harmless elsewhere).
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }
}
