using System;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// What every command that reads a bundle does with its manifest's signature: with the signer's certificate
    /// known, a manifest that does not verify, or says UNSIGNED (stripping the signature is the easiest forgery),
    /// is refused before a part is read; without one, the caller is told so it can warn.
    /// </summary>
    public static class ManifestTrust
    {
        /// <summary>What a command says when it had no certificate to verify a manifest with.</summary>
        public static string NotVerifiedWarning(string source) =>
            $"The signature of the manifest '{source}' was not verified: no certificate is known. Pass -Certificate, or set it with Connect-EucaCloud -Certificate or EC2_CERT.";

        /// <summary>Throws <c>ManifestSignatureInvalid</c> or <c>ManifestUnsigned</c>; returns false when there was nothing to verify with.</summary>
        public static bool Verify(ManifestDocument document, X509Certificate2? signer, string source)
        {
            if (document == null) throw new ArgumentNullException(nameof(document));
            if (signer == null)
            {
                return false;
            }

            Enforce(document.VerifySignature(signer), $"'{signer.Subject}'", source);
            return true;
        }

        /// <summary>Throws <c>ManifestSignatureInvalid</c> or <c>ManifestUnsigned</c> unless the signer's key verifies the manifest.</summary>
        /// <param name="signerName">How the key is named in the error, for example "the private key 'pk.pem'".</param>
        public static void Verify(ManifestDocument document, System.Security.Cryptography.RSA signerKey, string signerName, string source)
        {
            if (document == null) throw new ArgumentNullException(nameof(document));
            Enforce(document.VerifySignature(signerKey), signerName, source);
        }

        private static void Enforce(SignatureCheck check, string signerName, string source)
        {
            switch (check)
            {
                case SignatureCheck.Valid:
                    return;
                case SignatureCheck.Unsigned:
                    throw new EucaException(ErrorIds.ManifestUnsigned, EucaErrorCategory.SecurityError,
                        $"The manifest '{source}' is UNSIGNED, so it cannot be verified with {signerName}; it was not used.", source);
                default:
                    throw new EucaException(ErrorIds.ManifestSignatureInvalid, EucaErrorCategory.SecurityError,
                        $"The signature of the manifest '{source}' does not verify with {signerName}: the manifest was changed or signed by another key. It was not used.",
                        source);
            }
        }
    }
}
