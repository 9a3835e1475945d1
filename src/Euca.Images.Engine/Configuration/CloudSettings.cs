using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// The resolved cloud configuration (immutable). <see cref="Sources"/> tells, per setting name
    /// (<see cref="CloudSettingNames"/>), where its value came from. The secret key and session token never
    /// appear in <see cref="ToString"/>, in <see cref="Sources"/> or in any error message.
    /// </summary>
    public sealed class CloudSettings
    {
        public const string DefaultSigningRegion = "eucalyptus";

        /// <summary>Shorter secrets (test servers use six letters) would match ordinary text by chance.</summary>
        private const int MinimumSecretLength = 8;

        private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _lookedIn;

        internal CloudSettings(
            IReadOnlyDictionary<string, string> values,
            IReadOnlyDictionary<string, string> sources,
            IReadOnlyDictionary<string, IReadOnlyList<string>> lookedIn,
            string? temporaryDirectory)
        {
            _lookedIn = lookedIn;
            Sources = sources;
            TemporaryDirectory = temporaryDirectory;
            string? Get(string name) => values.TryGetValue(name, out var v) ? v : null;
            ComputeUrl = ParseUrl(Get(CloudSettingNames.ComputeUrl), CloudSettingNames.ComputeUrl, sources);
            ObjectStorageUrl = ParseUrl(Get(CloudSettingNames.ObjectStorageUrl), CloudSettingNames.ObjectStorageUrl, sources);
            BootstrapUrl = ParseUrl(Get(CloudSettingNames.BootstrapUrl), CloudSettingNames.BootstrapUrl, sources);
            AccessKey = Get(CloudSettingNames.AccessKey);
            SecretKey = Get(CloudSettingNames.SecretKey);
            SessionToken = Get(CloudSettingNames.SessionToken);
            AccountId = Get(CloudSettingNames.AccountId);
            CertificatePath = Get(CloudSettingNames.CertificatePath);
            PrivateKeyPath = Get(CloudSettingNames.PrivateKeyPath);
            CloudCertificatePath = Get(CloudSettingNames.CloudCertificatePath);
            SigningRegion = Get(CloudSettingNames.SigningRegion) ?? DefaultSigningRegion;
            SkipCertificateCheck = string.Equals(Get(CloudSettingNames.SkipCertificateCheck), "true", StringComparison.OrdinalIgnoreCase);
            CertificateAuthorityPath = Get(CloudSettingNames.CertificateAuthorityPath);
        }

        public Uri? ComputeUrl { get; }

        public Uri? ObjectStorageUrl { get; }

        public Uri? BootstrapUrl { get; }

        public string? AccessKey { get; }

        internal string? SecretKey { get; }

        internal string? SessionToken { get; }

        /// <summary>The 12-digit account id, dashes removed.</summary>
        public string? AccountId { get; }

        /// <summary>The user's X.509 certificate file.</summary>
        public string? CertificatePath { get; }

        /// <summary>The user's private key file.</summary>
        public string? PrivateKeyPath { get; }

        /// <summary>The cloud's image-bundling certificate file.</summary>
        public string? CloudCertificatePath { get; }

        /// <summary>The SigV4 scope region; <c>eucalyptus</c> unless given (Eucalyptus ignores it).</summary>
        public string SigningRegion { get; }

        public bool SkipCertificateCheck { get; }

        /// <summary>A PEM CA certificate: when set, server certificates must chain to it (and only it).</summary>
        public string? CertificateAuthorityPath { get; }

        /// <summary>Per setting name, where its value came from (never the value).</summary>
        public IReadOnlyDictionary<string, string> Sources { get; }

        /// <summary>
        /// The private directory a credentials zip was extracted to, or null. It holds the user's private key:
        /// the owner of these settings deletes it when done.
        /// </summary>
        public string? TemporaryDirectory { get; }

        /// <summary>Every place searched for a setting, in priority order (for messages).</summary>
        public IReadOnlyList<string> PlacesSearched(string setting) =>
            _lookedIn.TryGetValue(setting, out var places) ? places : (IReadOnlyList<string>)Array.Empty<string>();

        /// <summary>What every cloud cmdlet needs: the compute URL and a key pair.</summary>
        public void Validate() =>
            Require(CloudSettingNames.ComputeUrl, CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);

        /// <summary>
        /// Throws <c>CloudConfigurationIncomplete</c> naming each missing setting and every place it was looked for.
        /// </summary>
        public void Require(params string[] settings)
        {
            var missing = settings.Where(s => !IsSet(s)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            var message = new StringBuilder("The cloud configuration is incomplete.");
            foreach (var setting in missing)
            {
                message.Append(' ').Append(setting).Append(" is not set; looked in: ")
                    .Append(string.Join("; ", PlacesSearched(setting))).Append('.');
            }

            throw new EucaException(ErrorIds.CloudConfigurationIncomplete, EucaErrorCategory.InvalidArgument, message.ToString(), string.Join(", ", missing));
        }

        public override string ToString()
        {
            var text = new StringBuilder("CloudSettings { ");
            text.Append("ComputeUrl = ").Append(ComputeUrl)
                .Append(", ObjectStorageUrl = ").Append(ObjectStorageUrl)
                .Append(", BootstrapUrl = ").Append(BootstrapUrl)
                .Append(", AccessKey = ").Append(AccessKey)
                .Append(", SecretKey = ").Append(SecretKey == null ? string.Empty : "****")
                .Append(", SessionToken = ").Append(SessionToken == null ? string.Empty : "****")
                .Append(", AccountId = ").Append(AccountId)
                .Append(", SigningRegion = ").Append(SigningRegion)
                .Append(", SkipCertificateCheck = ").Append(SkipCertificateCheck)
                .Append(" }");
            return text.ToString();
        }

        private bool IsSet(string setting)
        {
            switch (setting)
            {
                case CloudSettingNames.ComputeUrl: return ComputeUrl != null;
                case CloudSettingNames.ObjectStorageUrl: return ObjectStorageUrl != null;
                case CloudSettingNames.BootstrapUrl: return BootstrapUrl != null;
                case CloudSettingNames.AccessKey: return AccessKey != null;
                case CloudSettingNames.SecretKey: return SecretKey != null;
                case CloudSettingNames.SessionToken: return SessionToken != null;
                case CloudSettingNames.AccountId: return AccountId != null;
                case CloudSettingNames.CertificatePath: return CertificatePath != null;
                case CloudSettingNames.PrivateKeyPath: return PrivateKeyPath != null;
                case CloudSettingNames.CloudCertificatePath: return CloudCertificatePath != null;
                case CloudSettingNames.CertificateAuthorityPath: return CertificateAuthorityPath != null;
                case CloudSettingNames.SigningRegion:
                case CloudSettingNames.SkipCertificateCheck: return true;
                default: throw new ArgumentException($"'{setting}' is not a cloud setting name.", nameof(setting));
            }
        }

        private static Uri? ParseUrl(string? value, string setting, IReadOnlyDictionary<string, string> sources)
        {
            if (value == null)
            {
                return null;
            }

            sources.TryGetValue(setting, out var source);
            string shown = RedactUserInfo(value);
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0)
            {
                if (uri.UserInfo.Length == 0)
                {
                    return uri;
                }

                // It would be shown by Get-EucaCloud, verbose output and every error naming the endpoint.
                throw new EucaException(
                    ErrorIds.CloudSettingExposesSecret,
                    EucaErrorCategory.SecurityError,
                    $"{setting} '{shown}' (from {source}) holds a user name or password; credentials belong in the access and secret keys, never in a URL.",
                    shown);
            }

            throw new EucaException(
                ErrorIds.CloudUrlInvalid,
                EucaErrorCategory.InvalidArgument,
                $"{setting} '{shown}' (from {source}) is not an absolute http or https URL.",
                shown);
        }

        /// <summary>The text with anything between "://" and the last '@' of its authority replaced by ***.</summary>
        internal static string RedactUserInfo(string text)
        {
            int scheme = text.IndexOf("://", StringComparison.Ordinal);
            int start = scheme < 0 ? 0 : scheme + 3;
            int end = text.IndexOf('/', start);
            int at = text.LastIndexOf('@', end < 0 ? text.Length - 1 : end);
            return at < start ? text : text.Substring(0, start) + "***" + text.Substring(at);
        }

        /// <summary>
        /// A eucarc can expand the secret key into any other setting (<c>EC2_CERT=$EC2_SECRET_KEY</c>), which
        /// Get-EucaCloud, verbose output and error messages show; such a configuration is refused without showing it.
        /// </summary>
        internal static void RefuseSecretsInOtherSettings(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> sources)
        {
            var secrets = new[] { CloudSettingNames.SecretKey, CloudSettingNames.SessionToken }
                .Select(name => values.TryGetValue(name, out var v) ? v : null)
                .Where(v => v != null && v.Length >= MinimumSecretLength)
                .ToList();
            foreach (var setting in values.Where(v => v.Key != CloudSettingNames.SecretKey && v.Key != CloudSettingNames.SessionToken && v.Key != CloudSettingNames.AccessKey))
            {
                if (secrets.Any(secret => setting.Value.IndexOf(secret!, StringComparison.Ordinal) >= 0))
                {
                    sources.TryGetValue(setting.Key, out var source);
                    throw new EucaException(
                        ErrorIds.CloudSettingExposesSecret,
                        EucaErrorCategory.SecurityError,
                        $"{setting.Key} (from {source}) contains the secret key or session token; it is refused so that the secret is never shown. Correct the configuration.",
                        setting.Key);
                }
            }
        }
    }
}
