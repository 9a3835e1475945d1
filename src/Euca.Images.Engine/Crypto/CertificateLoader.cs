using System;
using System.IO;
using System.Linq;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Errors;
using Org.BouncyCastle.Pkcs;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>
    /// Loads the X.509 certificates bundling needs (the user's and the cloud's) from PEM, DER or PKCS#12 and
    /// insists on an RSA public key, because the bundle format wraps keys with RSAES-PKCS1-v1_5.
    /// </summary>
    public static class CertificateLoader
    {
        private const string RsaEncryptionOid = "1.2.840.113549.1.1.1";

        /// <summary>The smallest RSA key accepted for the user's or the cloud's certificate (NIST SP 800-131A).</summary>
        public const int MinimumRsaBits = 2048;

        public static X509Certificate2 Load(string path, SecureString? pfxPassword = null)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            byte[] data = KeyFileContent.ReadFile(path, e => Unreadable(path, "cannot be read: " + e.Message, e, KeyFileContent.CategoryOf(e)));
            return Load(data, path, pfxPassword);
        }

        /// <param name="sourceName">Shown in errors and used as their target, normally the file path.</param>
        public static X509Certificate2 Load(byte[] data, string sourceName, SecureString? pfxPassword = null)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            byte[] der = ExtractDer(data, sourceName, pfxPassword);
            X509Certificate2 certificate;
            try
            {
                certificate = new X509Certificate2(der);
            }
            catch (CryptographicException e)
            {
                throw Unreadable(sourceName, "is not an X.509 certificate", e);
            }
            return RequireRsa(certificate, sourceName);
        }

        /// <summary>Accepts a certificate the caller already holds, after the same RSA check.</summary>
        public static X509Certificate2 FromCertificate(X509Certificate2 certificate)
        {
            if (certificate == null) throw new ArgumentNullException(nameof(certificate));
            return RequireRsa(certificate, certificate.Subject);
        }

        private static byte[] ExtractDer(byte[] data, string sourceName, SecureString? pfxPassword)
        {
            switch (KeyFileContent.Classify(data))
            {
                case KeyFileKind.Pem:
                    return PemCertificate(data, sourceName);
                case KeyFileKind.Pkcs12:
                    return Pkcs12Certificate(data, sourceName, pfxPassword);
                case KeyFileKind.OtherDer:
                    return data;
                default:
                    throw Unreadable(sourceName, "does not contain an X.509 certificate", null);
            }
        }

        private static byte[] PemCertificate(byte[] data, string sourceName)
        {
            byte[]? der;
            try
            {
                der = KeyFileContent.FirstPemBlock(data, "CERTIFICATE");
            }
            catch (IOException e)
            {
                throw Unreadable(sourceName, "is not valid PEM", e);
            }
            return der ?? throw Unreadable(sourceName, "has no CERTIFICATE block", null);
        }

        private static byte[] Pkcs12Certificate(byte[] data, string sourceName, SecureString? password)
        {
            char[] chars = password == null ? Array.Empty<char>() : SecurePassword.ToChars(password);
            try
            {
                var store = new Pkcs12StoreBuilder().Build();
                using (var stream = new MemoryStream(data, false))
                {
                    store.Load(stream, chars);
                }
                // Prefer the certificate that belongs to the private key; a PFX may also carry the CA chain.
                string[] aliases = store.Aliases.ToArray();
                string? alias = aliases.FirstOrDefault(store.IsKeyEntry) ?? aliases.FirstOrDefault(store.IsCertificateEntry);
                X509CertificateEntry? entry = alias == null ? null : store.GetCertificate(alias);
                return entry?.Certificate.GetEncoded() ?? throw Unreadable(sourceName, "holds no certificate", null);
            }
            catch (IOException e)
            {
                // BouncyCastle reports a MAC mismatch as IOException: wrong (or missing) password, or a damaged file.
                throw new EucaException(ErrorIds.CertificatePasswordInvalid, EucaErrorCategory.AuthenticationError,
                    $"The PKCS#12 file '{sourceName}' could not be opened: the password is wrong or missing, or the file is damaged.",
                    sourceName, e);
            }
            finally
            {
                SecurePassword.Clear(chars);
            }
        }

        private static X509Certificate2 RequireRsa(X509Certificate2 certificate, string sourceName)
        {
            if (certificate.PublicKey.Oid?.Value != RsaEncryptionOid)
            {
                throw new EucaException(ErrorIds.CertificateNotRsa, EucaErrorCategory.InvalidArgument,
                    $"The certificate '{sourceName}' does not have an RSA public key; bundles can only be encrypted for RSA certificates.",
                    sourceName);
            }
            using (RSA? publicKey = certificate.GetRSAPublicKey())
            {
                int bits = publicKey?.KeySize ?? 0;
                if (bits < MinimumRsaBits)
                {
                    throw new EucaException(ErrorIds.CertificateKeyTooWeak, EucaErrorCategory.SecurityError,
                        $"The certificate '{sourceName}' has a {bits}-bit RSA key; keys under {MinimumRsaBits} bits can be factored and are refused.",
                        sourceName);
                }
            }
            return certificate;
        }

        private static EucaException Unreadable(string sourceName, string problem, Exception? inner,
            EucaErrorCategory category = EucaErrorCategory.InvalidData) =>
            new EucaException(ErrorIds.CertificateUnreadable, category,
                $"The certificate file '{sourceName}' {problem}.", sourceName, inner);
    }
}
