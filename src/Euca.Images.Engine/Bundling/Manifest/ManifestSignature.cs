using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// The manifest signature: RSASSA-PKCS1-v1_5 with SHA-1 over the raw
    /// <c>machine_configuration</c> + <c>image</c> text, hex-encoded (what euca2ools, ec2-ami-tools and
    /// Eucalyptus' ImageUtil.verifyManifestSignature all use).
    /// </summary>
    public static class ManifestSignature
    {
        /// <param name="signedBytes">The raw signed range, e.g. <see cref="ManifestDocument.SignedBytes"/>; never re-serialised XML.</param>
        public static SignatureCheck Verify(byte[] signedBytes, string? signatureHex, X509Certificate2 certificate)
        {
            if (signedBytes == null) throw new ArgumentNullException(nameof(signedBytes));
            if (certificate == null) throw new ArgumentNullException(nameof(certificate));
            using (RSA publicKey = CertificateLoader.FromCertificate(certificate).GetRSAPublicKey()!)
            {
                return Verify(signedBytes, signatureHex, publicKey);
            }
        }

        /// <summary>Checks the signature with an RSA key: a public key, or the public half of the signer's private key.</summary>
        public static SignatureCheck Verify(byte[] signedBytes, string? signatureHex, RSA key)
        {
            if (signedBytes == null) throw new ArgumentNullException(nameof(signedBytes));
            if (key == null) throw new ArgumentNullException(nameof(key));
            string trimmed = (signatureHex ?? "").Trim();
            if (trimmed.Length == 0 || trimmed == BundleManifest.UnsignedSignature) return SignatureCheck.Unsigned;
            if (!HexEncoding.TryDecode(trimmed, out byte[] signature)) return SignatureCheck.Invalid;
            try
            {
                return key.VerifyData(signedBytes, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)
                    ? SignatureCheck.Valid
                    : SignatureCheck.Invalid;
            }
            catch (CryptographicException)
            {
                // Some platforms throw rather than return false for a signature of the wrong length.
                return SignatureCheck.Invalid;
            }
        }

        internal static string Sign(byte[] signedBytes, RSA privateKey) =>
            HexEncoding.ToLowerHex(privateKey.SignData(signedBytes, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
    }
}
