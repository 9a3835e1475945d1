namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for resolving and checking the cloud settings.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// A setting a command needs (an endpoint, a key) was not found in any source. Pass it, or set it with Connect-
        /// EucaCloud or the environment.
        /// </summary>
        public static readonly ErrorId CloudConfigurationIncomplete = new ErrorId(nameof(CloudConfigurationIncomplete));

        /// <summary>
        /// A configuration file (euca2ools ini, eucarc, AWS profile) cannot be read or used. Correct the line or value
        /// the message names.
        /// </summary>
        public static readonly ErrorId CloudConfigurationInvalid = new ErrorId(nameof(CloudConfigurationInvalid));

        /// <summary>
        /// An endpoint setting is not an absolute http or https URL. Correct the URL where the message says it came from.
        /// </summary>
        public static readonly ErrorId CloudUrlInvalid = new ErrorId(nameof(CloudUrlInvalid));

        /// <summary>
        /// An endpoint URL holds a user name or password (https://user:password@host/), or another setting holds the
        /// secret key or session token (for example through eucarc variable expansion); it was refused so that the secret
        /// is never shown. Put credentials only in the access and secret keys.
        /// </summary>
        public static readonly ErrorId CloudSettingExposesSecret = new ErrorId(nameof(CloudSettingExposesSecret));

        /// <summary>
        /// The euca2ools configuration has no [region NAME] section for the requested region. Check -Region or the
        /// default region and the configuration files.
        /// </summary>
        public static readonly ErrorId CloudRegionNotFound = new ErrorId(nameof(CloudRegionNotFound));

        /// <summary>
        /// The euca2ools configuration has no [user NAME] section for the requested user. Check -Region USER@REGION and
        /// the configuration files.
        /// </summary>
        public static readonly ErrorId CloudUserNotFound = new ErrorId(nameof(CloudUserNotFound));

        /// <summary>The eucarc or credentials zip named by -EucarcPath (or its source) does not exist. Check the path.</summary>
        public static readonly ErrorId EucarcNotFound = new ErrorId(nameof(EucarcNotFound));

        /// <summary>
        /// The AWS profile exists in neither the credentials nor the config file. Check -ProfileName and the AWS files.
        /// </summary>
        public static readonly ErrorId AwsProfileNotFound = new ErrorId(nameof(AwsProfileNotFound));

        /// <summary>
        /// An AWS profile's credential_process (or the AWS SDK's stored profile) failed to give keys. Run the process by
        /// hand, or check the profile with AWS.Tools' Get-AWSCredential.
        /// </summary>
        public static readonly ErrorId AwsProfileCredentialsFailed = new ErrorId(nameof(AwsProfileCredentialsFailed));

        /// <summary>
        /// A credentials zip is corrupt, holds an entry twice or one that inflates past the size of any credentials file,
        /// or has no top-level eucarc; nothing was kept from it. Use the zip euca_conf --get-credentials made.
        /// </summary>
        public static readonly ErrorId CredentialsArchiveInvalid = new ErrorId(nameof(CredentialsArchiveInvalid));

        /// <summary>
        /// A credentials zip holds an entry that points outside the extraction folder; it was not used. Do not trust this
        /// zip.
        /// </summary>
        public static readonly ErrorId CredentialsArchiveUnsafe = new ErrorId(nameof(CredentialsArchiveUnsafe));

        /// <summary>
        /// The private folder for the extracted credentials cannot be created. Check the temporary folder's permissions
        /// and free space.
        /// </summary>
        public static readonly ErrorId CredentialsExtractionFailed = new ErrorId(nameof(CredentialsExtractionFailed));

        /// <summary>
        /// A stored profile name is empty or has characters other than letters, digits, '.', '_' and '-' (at most 64).
        /// Choose another name.
        /// </summary>
        public static readonly ErrorId CloudProfileNameInvalid = new ErrorId(nameof(CloudProfileNameInvalid));

        /// <summary>
        /// No stored profile and no AWS profile has the name given to -ProfileName. List the stored ones with
        /// Get-EucaCredential -ListProfileDetail, or save one with Set-EucaCredential -StoreAs.
        /// </summary>
        public static readonly ErrorId CloudProfileNotFound = new ErrorId(nameof(CloudProfileNotFound));

        /// <summary>
        /// A stored profile file that holds a secret key can be read by users other than its owner, so it is not used.
        /// Run chmod 600 on the file the message names (and check who read it), or save the profile again.
        /// </summary>
        public static readonly ErrorId CloudProfileUnprotected = new ErrorId(nameof(CloudProfileUnprotected));

        /// <summary>
        /// The secret key of a stored profile cannot be read: the file is damaged, DPAPI refuses it (another Windows
        /// user or machine saved it), or its SecretManagement vault secret cannot be read (the module is not installed,
        /// the vault is locked, or the secret is missing). Save the profile again, or unlock the vault.
        /// </summary>
        public static readonly ErrorId CloudProfileSecretUnavailable = new ErrorId(nameof(CloudProfileSecretUnavailable));
    }
}
