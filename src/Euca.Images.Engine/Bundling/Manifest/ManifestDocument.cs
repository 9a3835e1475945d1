using System;
using System.Security.Cryptography.X509Certificates;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>A manifest as read from a file: its content plus the raw bytes its signature covers.</summary>
    public sealed class ManifestDocument
    {
        private readonly byte[] _signedBytes;

        internal ManifestDocument(BundleManifest manifest, byte[] signedBytes)
        {
            Manifest = manifest;
            _signedBytes = signedBytes;
        }

        public BundleManifest Manifest { get; }

        /// <summary>A copy of the raw <c>machine_configuration</c> + <c>image</c> bytes exactly as they are in the file.</summary>
        public byte[] SignedBytes => (byte[])_signedBytes.Clone();

        /// <summary>Checks <see cref="BundleManifest.Signature"/> against the raw signed bytes and the signer's certificate.</summary>
        public SignatureCheck VerifySignature(X509Certificate2 signerCertificate)
        {
            if (signerCertificate == null) throw new ArgumentNullException(nameof(signerCertificate));
            return ManifestSignature.Verify(_signedBytes, Manifest.Signature, signerCertificate);
        }

        /// <summary>Checks the signature with the signer's key (a converter holds the private key, not always the certificate).</summary>
        public SignatureCheck VerifySignature(System.Security.Cryptography.RSA signerKey)
        {
            if (signerKey == null) throw new ArgumentNullException(nameof(signerKey));
            return ManifestSignature.Verify(_signedBytes, Manifest.Signature, signerKey);
        }
    }
}
