using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Migration
{
    /// <summary>
    /// Base of the cmdlets that move bundles to another cloud (Convert-EucaBundleManifest, Copy-EucaImage): the user's
    /// private key, and the other cloud's image-bundling certificate from a parameter, the connection's setting or the
    /// cloud's bootstrap service.
    /// </summary>
    public abstract class MigrationCmdlet : EucaCloudCmdlet
    {
        /// <summary>
        /// Your private key (the bundle's signer), which opens your copy of the bundle key and signs the new manifest; by
        /// default the connection's (EC2_PRIVATE_KEY), for Copy-EucaImage the source connection's.
        /// </summary>
        [System.Management.Automation.Parameter]
        public string? PrivateKey { get; set; }

        /// <summary>
        /// The other cloud's image-bundling certificate (a path or an X509Certificate2); by default the (destination)
        /// connection's, or what its bootstrap service publishes.
        /// </summary>
        [System.Management.Automation.Parameter]
        [System.Management.Automation.Alias("Ec2Certificate")]
        public CertificateArgument? CloudCertificate { get; set; }

        /// <summary>A user certificate to wrap your copy of the bundle key for, instead of keeping the existing copy.</summary>
        [System.Management.Automation.Parameter]
        public CertificateArgument? Certificate { get; set; }

        /// <summary>
        /// The kernel (eki-...) the machine image boots at the other cloud; by default the manifest's, and for
        /// Copy-EucaImage of a paravirtual image the destination's kernel named like the source's.
        /// </summary>
        [System.Management.Automation.Parameter]
        [System.Management.Automation.ArgumentCompleter(typeof(KernelIdCompleter))]
        public string? KernelId { get; set; }

        /// <summary>
        /// The ramdisk (eri-...) the machine image boots at the other cloud; by default the manifest's, and for
        /// Copy-EucaImage of a paravirtual image the destination's ramdisk named like the source's.
        /// </summary>
        [System.Management.Automation.Parameter]
        [System.Management.Automation.ArgumentCompleter(typeof(RamdiskIdCompleter))]
        public string? RamdiskId { get; set; }

        /// <summary>The certificate to wrap your copy of the bundle key for (-Certificate); null keeps the existing copy.</summary>
        internal X509Certificate2? NewUserCertificate() => new KeyMaterialResolver(this).Certificate(Certificate, null);

        /// <summary>The password of an encrypted private key; without it you are prompted.</summary>
        [System.Management.Automation.Parameter]
        public SecureString? PrivateKeyPassword { get; set; }

        /// <summary>-PrivateKey, else the key at <paramref name="fallbackPath"/>; PrivateKeyMissing without either.</summary>
        internal RSA RequirePrivateKey(string? fallbackPath) =>
            new KeyMaterialResolver(this).PrivateKey(PrivateKey, fallbackPath, PrivateKeyPassword)
                ?? throw new EucaException(ErrorIds.PrivateKeyMissing, EucaErrorCategory.InvalidArgument,
                    "Moving a bundle to another cloud needs your private key, which opens your copy of the bundle key and signs the new manifest: pass -PrivateKey, or set EC2_PRIVATE_KEY.",
                    "PrivateKey");

        /// <summary>
        /// The other cloud's certificate: -CloudCertificate, else the connection's setting, else its bootstrap service's.
        /// Without <paramref name="connection"/>, this call's connection (-Connection, the session's, ...).
        /// </summary>
        internal X509Certificate2 CloudCertificateOf(CloudConnection? connection)
        {
            string? setting = connection != null ? connection.Settings.CloudCertificatePath : AvailableSettings.CloudCertificatePath;
            X509Certificate2? certificate = new KeyMaterialResolver(this).Certificate(CloudCertificate, setting);
            if (certificate != null)
            {
                return certificate;
            }

            CloudConnection cloud = connection ?? CurrentConnection;
            WriteVerbose($"No cloud certificate was given for {cloud}; asking its bootstrap service for its image-bundling certificate.");
            string pem = RunEngine((progress, token) => cloud.GetCloudCertificateAsync(token));
            return CertificateLoader.Load(System.Text.Encoding.ASCII.GetBytes(pem), "the cloud's bootstrap service");
        }
    }
}
