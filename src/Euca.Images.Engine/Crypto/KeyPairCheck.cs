using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>Tells whether a private key belongs to a certificate (same modulus and public exponent).</summary>
    public static class KeyPairCheck
    {
        public static bool Matches(X509Certificate2 certificate, RSA privateKey)
        {
            if (certificate == null) throw new ArgumentNullException(nameof(certificate));
            if (privateKey == null) throw new ArgumentNullException(nameof(privateKey));
            using (RSA? publicKey = certificate.GetRSAPublicKey())
            {
                if (publicKey == null) return false;
                RSAParameters expected = publicKey.ExportParameters(false);
                RSAParameters actual = privateKey.ExportParameters(false);
                return expected.Modulus.SequenceEqual(actual.Modulus) && expected.Exponent.SequenceEqual(actual.Exponent);
            }
        }
    }
}
