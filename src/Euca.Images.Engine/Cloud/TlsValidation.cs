using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Builds the HTTP handler every cloud request goes through. By default the platform validates server
    /// certificates. SkipCertificateCheck accepts any certificate (Eucalyptus clouds often run with a
    /// self-signed one). A CertificateAuthorityPath makes that CA the only trust anchor: the chain must end at
    /// one of its certificates and the host name must match; the machine's trusted roots do not count.
    /// </summary>
    internal static class TlsValidation
    {
        public static HttpClientHandler CreateHandler(CloudSettings settings, bool allowAutoRedirect)
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = allowAutoRedirect };
            if (settings.SkipCertificateCheck)
            {
                handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => true;
            }
            else if (settings.CertificateAuthorityPath != null)
            {
                var authorities = LoadAuthorities(settings.CertificateAuthorityPath);
                handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                    certificate != null && IsTrusted(certificate, errors, authorities);
            }

            return handler;
        }

        internal static bool IsTrusted(X509Certificate2 certificate, SslPolicyErrors errors, IReadOnlyList<X509Certificate2> authorities)
        {
            if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
            {
                return false;
            }

            using (var chain = new X509Chain())
            {
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                chain.ChainPolicy.ExtraStore.AddRange(authorities.ToArray());
                chain.Build(certificate);
                var acceptable = chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.NoError || s.Status == X509ChainStatusFlags.UntrustedRoot);
                var root = chain.ChainElements.Count > 0 ? chain.ChainElements[chain.ChainElements.Count - 1].Certificate : null;
                return acceptable && root != null && authorities.Any(a => a.RawData.SequenceEqual(root.RawData));
            }
        }

        internal static IReadOnlyList<X509Certificate2> LoadAuthorities(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException e)
            {
                throw Unusable(path, e.Message, e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw Unusable(path, e.Message, e);
            }

            var certificates = Regex.Matches(text, "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", RegexOptions.Singleline)
                .Cast<Match>()
                .Select(m => new X509Certificate2(Convert.FromBase64String(Regex.Replace(m.Groups[1].Value, "\\s", string.Empty))))
                .ToList();
            if (certificates.Count == 0)
            {
                throw Unusable(path, "it contains no PEM certificate.", null);
            }

            return certificates;
        }

        private static EucaException Unusable(string path, string problem, Exception? inner) =>
            new EucaException(
                "CertificateAuthorityUnusable",
                EucaErrorCategory.InvalidArgument,
                $"The certificate authority file '{path}' cannot be used: {problem}",
                path,
                inner);
    }
}
