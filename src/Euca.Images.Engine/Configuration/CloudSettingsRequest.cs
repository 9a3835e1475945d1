namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// What the caller supplies to <see cref="CloudSettingsResolver"/>: explicit values (highest priority; null or
    /// empty means "not given") and the selectors of the other sources. URLs are strings so that an invalid one
    /// fails with the same <c>CloudUrlInvalid</c> error whatever source it came from.
    /// </summary>
    public sealed class CloudSettingsRequest
    {
        public string? ComputeUrl { get; set; }

        public string? ObjectStorageUrl { get; set; }

        public string? BootstrapUrl { get; set; }

        public string? AccessKey { get; set; }

        public string? SecretKey { get; set; }

        public string? SessionToken { get; set; }

        public string? AccountId { get; set; }

        public string? CertificatePath { get; set; }

        public string? PrivateKeyPath { get; set; }

        public string? CloudCertificatePath { get; set; }

        public string? SigningRegion { get; set; }

        /// <summary>Null: not given (the default is to verify).</summary>
        public bool? SkipCertificateCheck { get; set; }

        public string? CertificateAuthorityPath { get; set; }

        /// <summary>euca2ools region selector: <c>USER@REGION</c>, <c>REGION</c> or <c>USER@</c>.</summary>
        public string? Region { get; set; }

        /// <summary>A eucarc file or a credentials .zip from <c>euca_conf --get-credentials</c>.</summary>
        public string? EucarcPath { get; set; }

        /// <summary>
        /// A stored profile (Set-EucaCredential -StoreAs), else an AWS profile: the AWS SDK's stored profiles and
        /// shared credentials and config files.
        /// </summary>
        public string? ProfileName { get; set; }

        /// <summary>
        /// The secret key of a stored profile whose key a SecretManagement vault holds, read by the caller (the engine
        /// cannot call Get-Secret); <see cref="SecretKeySource"/> says where it came from.
        /// </summary>
        public string? ProfileSecretKey { get; set; }

        /// <summary>Where <see cref="ProfileSecretKey"/> came from, for <see cref="CloudSettings.Sources"/>.</summary>
        public string? SecretKeySource { get; set; }

        /// <summary>The AWS shared-credentials file to read instead of the default.</summary>
        public string? ProfileLocation { get; set; }

        /// <summary>Environment, home and search paths; null means the real machine.</summary>
        public ConfigurationEnvironment? Environment { get; set; }
    }
}
