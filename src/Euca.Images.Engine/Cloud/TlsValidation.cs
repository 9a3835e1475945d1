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
    /// A rejection throws <see cref="CertificateRejectedException"/> with the reason.
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
                var path = settings.CertificateAuthorityPath;
                var authorities = LoadAuthorities(path);
                handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                    Accept(certificate == null ? "the server sent no certificate" : AuthorityProblem(certificate, errors, request.RequestUri?.Host, authorities, path));
            }
            else
            {
                // The platform has validated already; the callback only keeps the reason of a rejection.
                handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                    Accept(PlatformProblem(errors, request.RequestUri?.Host, chain));
            }

            return handler;
        }

        /// <summary>Why a certificate is not trusted by the CA file, or null when it is.</summary>
        private static string? AuthorityProblem(X509Certificate2 certificate, SslPolicyErrors errors, string? host, IReadOnlyList<X509Certificate2> authorities, string authorityPath)
        {
            if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
            {
                return PlatformProblem(errors & ~SslPolicyErrors.RemoteCertificateChainErrors, host, null);
            }

            using (var chain = new X509Chain())
            {
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                chain.ChainPolicy.ExtraStore.AddRange(authorities.ToArray());
                chain.Build(certificate);
                var acceptable = chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.NoError || s.Status == X509ChainStatusFlags.UntrustedRoot);
                var root = chain.ChainElements.Count > 0 ? chain.ChainElements[chain.ChainElements.Count - 1].Certificate : null;
                if (acceptable && root != null && authorities.Any(a => a.RawData.SequenceEqual(root.RawData)))
                {
                    return null;
                }

                return $"its chain does not lead to the certificate authority in '{authorityPath}'{Statuses(chain, X509ChainStatusFlags.UntrustedRoot)}";
            }
        }

        /// <summary>Why the platform rejected a certificate, or null when it did not.</summary>
        private static string? PlatformProblem(SslPolicyErrors errors, string? host, X509Chain? chain)
        {
            if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return "the server sent no certificate";
            }

            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return $"it is not issued for the host name '{host}' (connect with a name the certificate lists)";
            }

            if (errors != SslPolicyErrors.None)
            {
                return "it is not signed by a certificate authority this machine trusts" + (chain == null ? string.Empty : Statuses(chain, X509ChainStatusFlags.NoError));
            }

            return null;
        }

        private static bool Accept(string? problem) => problem == null ? true : throw new CertificateRejectedException(problem);

        private static string Statuses(X509Chain chain, X509ChainStatusFlags ignored)
        {
            var statuses = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError && s != ignored).Distinct().ToList();
            return statuses.Count == 0 ? string.Empty : " (" + string.Join(", ", statuses) + ")";
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
                ErrorIds.CertificateAuthorityUnusable,
                EucaErrorCategory.InvalidArgument,
                $"The certificate authority file '{path}' cannot be used: {problem}",
                path,
                inner);
    }
}
