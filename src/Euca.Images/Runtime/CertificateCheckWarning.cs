using System;
using System.Linq;
using System.Management.Automation;
using Euca.Images.Engine.Configuration;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Says once per connection that its HTTPS endpoints are not authenticated. The setting may come from a
    /// euca2ools verify-ssl = false the user has forgotten about, so it must not stay silent; plain-HTTP
    /// endpoints are left out because the setting changes nothing for them.
    /// </summary>
    internal static class CertificateCheckWarning
    {
        public static void WriteIfOff(Cmdlet cmdlet, CloudSettings settings)
        {
            if (!settings.SkipCertificateCheck)
            {
                return;
            }

            string[] unauthenticated = new[] { settings.ComputeUrl, settings.ObjectStorageUrl, settings.BootstrapUrl }
                .Where(url => url != null && url.Scheme == Uri.UriSchemeHttps)
                .Select(url => url!.ToString())
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (unauthenticated.Length > 0)
            {
                cmdlet.WriteWarning(
                    $"TLS certificate checks are off for {string.Join(", ", unauthenticated)}: anyone on the network path could impersonate the cloud. " +
                    "Prefer -CertificateAuthority with the PEM file of the cloud's certificate authority.");
            }
        }
    }
}
