using System.Collections.Generic;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// The names of the resolved settings, used as keys of <see cref="CloudSettings.Sources"/> and in messages.
    /// They equal the <see cref="CloudSettings"/> property names and the cmdlet parameter names.
    /// </summary>
    public static class CloudSettingNames
    {
        public const string ComputeUrl = nameof(ComputeUrl);
        public const string ObjectStorageUrl = nameof(ObjectStorageUrl);
        public const string BootstrapUrl = nameof(BootstrapUrl);
        public const string AccessKey = nameof(AccessKey);
        public const string SecretKey = nameof(SecretKey);
        public const string SessionToken = nameof(SessionToken);
        public const string AccountId = nameof(AccountId);
        public const string CertificatePath = nameof(CertificatePath);
        public const string PrivateKeyPath = nameof(PrivateKeyPath);
        public const string CloudCertificatePath = nameof(CloudCertificatePath);
        public const string SigningRegion = nameof(SigningRegion);
        public const string SkipCertificateCheck = nameof(SkipCertificateCheck);
        public const string CertificateAuthorityPath = nameof(CertificateAuthorityPath);

        public static IReadOnlyList<string> All { get; } = new[]
        {
            ComputeUrl, ObjectStorageUrl, BootstrapUrl, AccessKey, SecretKey, SessionToken, AccountId,
            CertificatePath, PrivateKeyPath, CloudCertificatePath, SigningRegion, SkipCertificateCheck,
            CertificateAuthorityPath,
        };

        /// <summary>Settings whose values are file paths: expanded and made absolute where they are read.</summary>
        internal static bool IsPath(string setting) =>
            setting == CertificatePath || setting == PrivateKeyPath || setting == CloudCertificatePath
            || setting == CertificateAuthorityPath;

        /// <summary>Settings whose values must never be shown.</summary>
        internal static bool IsSecret(string setting) => setting == SecretKey || setting == SessionToken;
    }
}
