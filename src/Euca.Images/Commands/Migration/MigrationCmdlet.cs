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
        /// <summary>The password of an encrypted private key; without it you are prompted.</summary>
        [System.Management.Automation.Parameter]
        public SecureString? PrivateKeyPassword { get; set; }

        /// <summary>The user's private key from <paramref name="path"/>, else <paramref name="fallbackPath"/>; PrivateKeyMissing without either.</summary>
        internal RSA RequirePrivateKey(string? path, string? fallbackPath) =>
            new KeyMaterialResolver(this).PrivateKey(path, fallbackPath, PrivateKeyPassword)
                ?? throw new EucaException(ErrorIds.PrivateKeyMissing, EucaErrorCategory.InvalidArgument,
                    "Moving a bundle to another cloud needs your private key, which opens your copy of the bundle key and signs the new manifest: pass -PrivateKey, or set EC2_PRIVATE_KEY.",
                    "PrivateKey");

        /// <summary>
        /// The other cloud's certificate: <paramref name="given"/>, else the connection's setting, else its bootstrap
        /// service's. Without <paramref name="connection"/>, this call's connection (-Connection, the session's, ...).
        /// </summary>
        internal X509Certificate2 CloudCertificateOf(CertificateArgument? given, CloudConnection? connection)
        {
            string? setting = connection != null ? connection.Settings.CloudCertificatePath : AvailableSettings.CloudCertificatePath;
            X509Certificate2? certificate = new KeyMaterialResolver(this).Certificate(given, setting);
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
