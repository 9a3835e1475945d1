using System.Management.Automation;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Arguments;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Base of the cmdlets that make bundles (New-EucaBundle, Install-EucaImage): the owner account, the user's
    /// certificate and signing key and the cloud's certificate, each from a parameter or else from the connection,
    /// and the cloud certificate as a last resort from the bootstrap service.
    /// </summary>
    public abstract class BundlingCmdlet : EucaCloudCmdlet
    {
        /// <summary>The 12-digit account id that will own the image (dashes are removed).</summary>
        [Parameter]
        [Alias("UserId")]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? AccountId { get; set; }

        /// <summary>Your X.509 certificate (path or object), so you can unbundle the image later.</summary>
        [Parameter]
        public CertificateArgument? Certificate { get; set; }

        /// <summary>Your private key file (PEM or DER, PKCS#1 or PKCS#8, possibly encrypted), which signs the manifest.</summary>
        [Parameter]
        public string? PrivateKey { get; set; }

        /// <summary>The password of an encrypted private key; without it you are prompted.</summary>
        [Parameter]
        public SecureString? PrivateKeyPassword { get; set; }

        /// <summary>The cloud's image-bundling certificate (path or object). Without it, the connection's or the bootstrap service's is used.</summary>
        [Parameter]
        [Alias("Ec2Certificate")]
        public CertificateArgument? CloudCertificate { get; set; }

        /// <summary>A fixed AES key as 32 hex characters, for reproducible test bundles only (euca2ools' --enc-key).</summary>
        [Parameter(DontShow = true)]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? EncryptionKey { get; set; }

        /// <summary>A fixed AES IV as 32 hex characters, for reproducible test bundles only (euca2ools' --enc-iv).</summary>
        [Parameter(DontShow = true)]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? EncryptionIV { get; set; }

        private BundleSigningInputs? _signing;

        /// <summary>Keys and certificates, loaded once for all images of the invocation.</summary>
        internal BundleSigningInputs Signing => _signing ??= ResolveSigning();

        private BundleSigningInputs ResolveSigning()
        {
            CloudSettings settings = AvailableSettings;
            var keys = new KeyMaterialResolver(this);

            string? accountId = AccountId ?? settings.AccountId;
            if (string.IsNullOrEmpty(accountId))
            {
                throw new EucaException(ErrorIds.BundleAccountIdMissing, EucaErrorCategory.InvalidArgument,
                    "Bundling needs the 12-digit account id that will own the image. Pass -AccountId, or set it with Connect-EucaCloud -AccountId, " +
                    "EC2_USER_ID, or account-id in your euca2ools user section. Looked in: " +
                    string.Join("; ", settings.PlacesSearched(CloudSettingNames.AccountId)) + ".", "AccountId");
            }

            X509Certificate2? userCertificate = keys.Certificate(Certificate, settings.CertificatePath);
            RSA? signingKey = keys.PrivateKey(PrivateKey, settings.PrivateKeyPath, PrivateKeyPassword);
            X509Certificate2 cloudCertificate = keys.Certificate(CloudCertificate, settings.CloudCertificatePath) ?? FetchCloudCertificate();

            if (signingKey is null)
            {
                WriteWarning("No private key was given: the manifest will be UNSIGNED, and a cloud will not register it. Use -PrivateKey or set EC2_PRIVATE_KEY.");
            }

            if (userCertificate is null)
            {
                WriteWarning("No user certificate was given: only the cloud will be able to unbundle this image. Use -Certificate or set EC2_CERT.");
            }

            return new BundleSigningInputs(accountId!, userCertificate, signingKey, cloudCertificate, FixedKeys());
        }

        private X509Certificate2 FetchCloudCertificate()
        {
            WriteVerbose("No cloud certificate file was given; asking the cloud's bootstrap service for its image-bundling certificate.");
            var connection = CurrentConnection;
            string pem = RunEngine((progress, token) => connection.GetCloudCertificateAsync(token));
            return CertificateLoader.Load(System.Text.Encoding.ASCII.GetBytes(pem), "the cloud's bootstrap service");
        }

        private BundleKeyMaterial? FixedKeys()
        {
            if (EncryptionKey is null && EncryptionIV is null)
            {
                return null;
            }

            if (EncryptionKey is null || EncryptionIV is null)
            {
                throw new EucaException(ErrorIds.EncryptionKeyIncomplete, EucaErrorCategory.InvalidArgument,
                    "-EncryptionKey and -EncryptionIV go together.", EncryptionKey is null ? "EncryptionKey" : "EncryptionIV");
            }

            return BundleKeyMaterial.FromHex(EncryptionKey, EncryptionIV);
        }
    }
}
