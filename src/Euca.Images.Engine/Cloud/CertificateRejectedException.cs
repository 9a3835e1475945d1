using System.Security.Authentication;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Thrown by our certificate validation callback instead of returning false, so the reason (untrusted chain,
    /// wrong CA, host name) survives the HTTP stack to <see cref="CloudErrorTranslator"/>. The platform's own
    /// message is not usable: a rejected callback only says "rejected by the provided callback". An
    /// <see cref="AuthenticationException"/>, as the platform's own TLS failures are.
    /// </summary>
    internal sealed class CertificateRejectedException : AuthenticationException
    {
        public CertificateRejectedException(string reason)
            : base(reason)
        {
        }
    }
}
