using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>
    /// RSA wrapping of a bundle's key and IV as the manifest stores them: RSAES-PKCS1-v1_5 over the 32 ASCII hex
    /// characters (euca2ools and ec2-ami-tools both encrypt the hex text), the ciphertext written as lower-case hex.
    /// </summary>
    public static class BundleKeyWrapper
    {
        /// <summary>Wraps a key or IV given as 32 hex characters for the certificate's public key.</summary>
        public static string Wrap(string hex, X509Certificate2 certificate)
        {
            if (!HexEncoding.IsHex(hex, 2 * BundleKeyMaterial.KeyLength))
            {
                throw new ArgumentException("A bundle key or IV must be 32 hexadecimal characters.", nameof(hex));
            }
            if (certificate == null) throw new ArgumentNullException(nameof(certificate));
            using (RSA publicKey = CertificateLoader.FromCertificate(certificate).GetRSAPublicKey()!)
            {
                byte[] wrapped = publicKey.Encrypt(Encoding.ASCII.GetBytes(hex.ToLowerInvariant()), RSAEncryptionPadding.Pkcs1);
                return HexEncoding.ToLowerHex(wrapped);
            }
        }

        /// <summary>
        /// Recovers the key and IV with a private key: first from the user's copy, then, as euca2ools does, from the
        /// cloud's copy, so both the bundling user's key and the cloud's key open a bundle.
        /// </summary>
        /// <param name="userEncryptedKey">May be empty: bundles made without a user certificate have no user copy.</param>
        public static UnwrappedBundleKey Unwrap(string? userEncryptedKey, string? userEncryptedIv,
            string? cloudEncryptedKey, string? cloudEncryptedIv, RSA privateKey)
        {
            if (privateKey == null) throw new ArgumentNullException(nameof(privateKey));
            BundleKeyMaterial? material = TryUnwrap(userEncryptedKey, userEncryptedIv, privateKey);
            if (material != null) return new UnwrappedBundleKey(BundleKeyCopy.User, material);
            material = TryUnwrap(cloudEncryptedKey, cloudEncryptedIv, privateKey);
            if (material != null) return new UnwrappedBundleKey(BundleKeyCopy.Cloud, material);
            throw new EucaException(ErrorIds.BundleKeyMismatch, EucaErrorCategory.AuthenticationError,
                "The private key does not match the user or cloud certificate of this bundle.");
        }

        private static BundleKeyMaterial? TryUnwrap(string? encryptedKey, string? encryptedIv, RSA privateKey)
        {
            string? keyHex = TryDecrypt(encryptedKey, privateKey);
            string? ivHex = keyHex == null ? null : TryDecrypt(encryptedIv, privateKey);
            return BundleKeyMaterial.TryFromHex(keyHex, ivHex, out BundleKeyMaterial? material) ? material : null;
        }

        private static string? TryDecrypt(string? wrappedHex, RSA privateKey)
        {
            if (string.IsNullOrEmpty(wrappedHex) || !HexEncoding.TryDecode(wrappedHex!.Trim(), out byte[] wrapped)) return null;
            try
            {
                // With the wrong key PKCS#1 unpadding normally fails; when it happens to pass (or the platform uses
                // implicit rejection and returns random bytes) the result is not 32 hex characters, which
                // BundleKeyMaterial.TryFromHex then rejects.
                return Encoding.ASCII.GetString(privateKey.Decrypt(wrapped, RSAEncryptionPadding.Pkcs1));
            }
            catch (CryptographicException)
            {
                return null;
            }
        }
    }
}
