namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for certificates and private keys.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// A certificate file is missing, unreadable or not a PEM or DER certificate. Check the path and the file.
        /// </summary>
        public static readonly ErrorId CertificateUnreadable = new ErrorId(nameof(CertificateUnreadable));

        /// <summary>
        /// A certificate does not have an RSA key; bundles are encrypted for RSA certificates only. Use the user's or the
        /// cloud's RSA certificate.
        /// </summary>
        public static readonly ErrorId CertificateNotRsa = new ErrorId(nameof(CertificateNotRsa));

        /// <summary>
        /// A user or cloud certificate has an RSA key under 2048 bits, which can be factored; it was refused. Issue the user
        /// a new 2048-bit (or larger) certificate, or renew the cloud's.
        /// </summary>
        public static readonly ErrorId CertificateKeyTooWeak = new ErrorId(nameof(CertificateKeyTooWeak));

        /// <summary>
        /// The private key given for signing does not belong to the user certificate, so the manifest's signature could
        /// never verify. Give the private key of that certificate (or the certificate of that key).
        /// </summary>
        public static readonly ErrorId KeyPairMismatch = new ErrorId(nameof(KeyPairMismatch));

        /// <summary>
        /// A PKCS#12 file could not be opened: wrong or missing password, or a damaged file. Give the right password.
        /// </summary>
        public static readonly ErrorId CertificatePasswordInvalid = new ErrorId(nameof(CertificatePasswordInvalid));

        /// <summary>
        /// The -CertificateAuthority file holds no usable certificate. Give the PEM file of the authority that signed the
        /// cloud's certificate.
        /// </summary>
        public static readonly ErrorId CertificateAuthorityUnusable = new ErrorId(nameof(CertificateAuthorityUnusable));

        /// <summary>A private key file is missing, unreadable or not a PEM key. Check the path and the file.</summary>
        public static readonly ErrorId PrivateKeyUnreadable = new ErrorId(nameof(PrivateKeyUnreadable));

        /// <summary>
        /// A private key is not an RSA key; bundles are signed and decrypted with RSA only. Use the user's RSA key.
        /// </summary>
        public static readonly ErrorId PrivateKeyNotRsa = new ErrorId(nameof(PrivateKeyNotRsa));

        /// <summary>A private key is encrypted and no password was given. Pass the key's password.</summary>
        public static readonly ErrorId PrivateKeyPasswordRequired = new ErrorId(nameof(PrivateKeyPasswordRequired));

        /// <summary>The password of an encrypted private key is wrong, or the key is damaged. Give the right password.</summary>
        public static readonly ErrorId PrivateKeyPasswordInvalid = new ErrorId(nameof(PrivateKeyPasswordInvalid));
    }
}
