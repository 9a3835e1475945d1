using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Arguments;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Loads certificates and private keys named by parameters or by the connection's settings. Runs on the pipeline
    /// thread, because an encrypted key may need a password prompt.
    /// </summary>
    internal sealed class KeyMaterialResolver
    {
        private readonly EucaCmdlet _cmdlet;

        public KeyMaterialResolver(EucaCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        public X509Certificate2? Certificate(CertificateArgument? argument, string? fallbackPath)
        {
            if (argument?.Certificate is X509Certificate2 given)
            {
                return CertificateLoader.FromCertificate(given);
            }

            string? path = argument?.Path ?? fallbackPath;
            return path is null ? null : CertificateLoader.Load(_cmdlet.ResolvePath(path));
        }

        public RSA? PrivateKey(string? path, string? fallbackPath, SecureString? password)
        {
            string? chosen = path ?? fallbackPath;
            return chosen is null ? null : PrivateKeyLoader.Load(_cmdlet.ResolvePath(chosen), password, Prompt);
        }

        // Only called for an encrypted key without -PrivateKeyPassword; a host that cannot prompt yields the
        // engine's PrivateKeyPasswordRequired error.
        private SecureString? Prompt(string keyPath)
        {
            try
            {
                _cmdlet.Host.UI.Write($"Password for private key '{keyPath}': ");
                return _cmdlet.Host.UI.ReadLineAsSecureString();
            }
            catch (Exception exception) when (exception is PSInvalidOperationException || exception is NotImplementedException || exception is HostException)
            {
                return null;
            }
        }
    }
}
