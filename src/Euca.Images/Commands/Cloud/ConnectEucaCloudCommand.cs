using System;
using System.Management.Automation;
using System.Net;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Cloud
{
    /// <summary>Sets the session's connection to a Eucalyptus cloud.</summary>
    /// <remarks>
    /// <para>Resolves the endpoints, keys and certificates that every other Euca.Images cmdlet uses in this session,
    /// and makes them the session's default connection. Nothing is sent to the cloud until a cmdlet needs it.</para>
    /// <para>Each setting is taken from the highest of these sources that has it: the parameters; a euca2ools
    /// configuration (-Region USER@REGION over /etc/euca2ools/euca2ools.ini, /etc/euca2ools/conf.d/*.ini and
    /// ~/.euca/*.ini, else EUCA_DEFAULT_REGION, AWS_DEFAULT_REGION or [global] default-region); a eucarc file or a
    /// credentials zip (-EucarcPath); an AWS shared-credentials profile (-ProfileName); environment variables
    /// (EC2_URL, S3_URL, EUCA_BOOTSTRAP_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and their euca2ools aliases,
    /// EC2_USER_ID, EC2_CERT, EC2_PRIVATE_KEY, EUCALYPTUS_CERT). A -ProfileName that names a profile stored with
    /// Set-EucaCredential -StoreAs takes that whole profile, right after the parameters. The Sources property of the
    /// connection (and -Verbose) says where each setting came from.</para>
    /// <para>The connection becomes the session's default (of this runspace only), unless -NoDefault: then it is only
    /// returned, so that a script can hold connections to two clouds and pass each with -Connection.</para>
    /// <para>A compute URL and an access key pair are required; the error names each missing setting and every place
    /// it was looked for. Secret keys are never shown in output, verbose or debug messages, or errors.</para>
    /// </remarks>
    /// <example>
    /// <title>Connect with explicit endpoints and keys</title>
    /// <code>Connect-EucaCloud -ComputeUrl https://clc.example.com:8773/services/compute -ObjectStorageUrl https://clc.example.com:8773/services/objectstorage -Credential (Get-Credential)</code>
    /// <para>Prompts for the access key (user name) and secret key (password), and uses both endpoints for the rest of the session.</para>
    /// </example>
    /// <example>
    /// <title>Connect through a euca2ools configuration</title>
    /// <code>Connect-EucaCloud -Region admin@localhost -PassThru</code>
    /// <para>Reads the region "localhost" and the user "admin" from the euca2ools configuration files and returns the connection.</para>
    /// </example>
    /// <example>
    /// <title>Copy between two clouds</title>
    /// <code>$old = Connect-EucaCloud -ProfileName old-cloud -NoDefault; $new = Connect-EucaCloud -ProfileName new-cloud -NoDefault; Save-EucaBundle -Connection $old -ManifestLocation images/web.img.manifest.xml -Destination ./web | Send-EucaBundle -Connection $new -Bucket images</code>
    /// <para>Neither connection replaces the session's default; each cmdlet is told which one to use.</para>
    /// </example>
    /// <example>
    /// <title>Connect with the credentials zip of an older Eucalyptus</title>
    /// <code>Connect-EucaCloud -EucarcPath ~/admin-creds.zip; Get-EucaCloud</code>
    /// <para>Reads the eucarc, certificates and private key from the zip made by euca_conf --get-credentials.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Cloud.GetEucaCloudCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.DisconnectEucaCloudCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommunications.Connect, "EucaCloud", DefaultParameterSetName = KeysSet)]
    [OutputType(typeof(CloudConnection))]
    public sealed class ConnectEucaCloudCommand : EucaCmdlet
    {
        private const string KeysSet = "Keys";
        private const string CredentialSet = "Credential";

        /// <summary>The compute (EC2) endpoint, for example https://clc.example.com:8773/services/compute.</summary>
        [Parameter(Position = 0)]
        [Alias("EndpointUrl", "Ec2Url")]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? ComputeUrl { get; set; }

        /// <summary>The object storage (S3) endpoint, for example https://clc.example.com:8773/services/objectstorage.</summary>
        [Parameter]
        [Alias("S3Url")]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? ObjectStorageUrl { get; set; }

        /// <summary>The bootstrap (Empyrean) endpoint that serves the cloud's bundling certificate (Eucalyptus 4.2 and later).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? BootstrapUrl { get; set; }

        /// <summary>The access key id.</summary>
        [Parameter(ParameterSetName = KeysSet)]
        [Alias("AK")]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? AccessKey { get; set; }

        /// <summary>The secret access key. Prefer -Credential, which keeps it out of the command history.</summary>
        [Parameter(ParameterSetName = KeysSet)]
        [Alias("SK", "SecretAccessKey")]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? SecretKey { get; set; }

        /// <summary>The access key id as the user name and the secret key as the password.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>A session token for temporary credentials.</summary>
        [Parameter]
        [Alias("ST")]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? SessionToken { get; set; }

        /// <summary>The 12-digit account id (dashes are removed); bundles record it as their owner.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? AccountId { get; set; }

        /// <summary>The user's X.509 certificate file, used to bundle images that the user can unbundle later.</summary>
        [Parameter]
        public string? Certificate { get; set; }

        /// <summary>The user's private key file, used to sign bundle manifests and to unbundle.</summary>
        [Parameter]
        public string? PrivateKey { get; set; }

        /// <summary>The cloud's image-bundling certificate file. Without it, bundling asks the bootstrap service.</summary>
        [Parameter]
        public string? CloudCertificate { get; set; }

        /// <summary>The SigV4 signing region. Eucalyptus does not check it; the default is eucalyptus.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? SigningRegion { get; set; }

        /// <summary>Accept any TLS certificate from the cloud (a warning says so once per connection). Use only on a trusted network.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>A PEM file with the certificate authority that signed the cloud's TLS certificates. It becomes the only trust anchor: the machine's trusted roots no longer count, and the host name must still match.</summary>
        [Parameter]
        public string? CertificateAuthority { get; set; }

        /// <summary>A euca2ools region to read, as USER@REGION, REGION or USER@.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>A eucarc file, or the credentials zip made by euca_conf --get-credentials.</summary>
        [Parameter]
        [Alias("CredentialsPath")]
        public string? EucarcPath { get; set; }

        /// <summary>A profile stored with Set-EucaCredential -StoreAs, else a profile in the AWS shared credentials and config files.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        /// <summary>The AWS shared credentials file to read instead of ~/.aws/credentials.</summary>
        [Parameter]
        public string? ProfileLocation { get; set; }

        /// <summary>
        /// How many seconds a compute call may take in all, retries included, before it fails as CloudTimeout (default 30).
        /// </summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>
        /// The stall timer of object-storage transfers, in seconds: a transfer whose bytes stop flowing for this long is
        /// abandoned and retried (default 60).
        /// </summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int StallTimeoutSec { get; set; }

        /// <summary>Return the connection object as well as making it the session's default.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Only return the connection: the session's default connection stays as it was.</summary>
        [Parameter]
        public SwitchParameter NoDefault { get; set; }
        private CloudConnectionOptions ConnectionOptions()
        {
            var options = new CloudConnectionOptions();
            if (TimeoutSec > 0)
            {
                options.ComputeCallTimeout = TimeSpan.FromSeconds(TimeoutSec);
                if (options.Timeout > options.ComputeCallTimeout)
                {
                    options.Timeout = options.ComputeCallTimeout;
                }
            }

            if (StallTimeoutSec > 0)
            {
                options.StallTimeout = TimeSpan.FromSeconds(StallTimeoutSec);
            }

            return options;
        }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var request = new CloudSettingsRequest
            {
                ComputeUrl = ComputeUrl,
                ObjectStorageUrl = ObjectStorageUrl,
                BootstrapUrl = BootstrapUrl,
                AccessKey = Credential?.UserName ?? AccessKey,
                SecretKey = Credential is null ? SecretKey : new NetworkCredential(string.Empty, Credential.Password).Password,
                SessionToken = SessionToken,
                AccountId = AccountId,
                CertificatePath = ResolveOptionalPath(Certificate),
                PrivateKeyPath = ResolveOptionalPath(PrivateKey),
                CloudCertificatePath = ResolveOptionalPath(CloudCertificate),
                SigningRegion = SigningRegion,
                SkipCertificateCheck = SkipCertificateCheck.IsPresent ? true : (bool?)null,
                CertificateAuthorityPath = ResolveOptionalPath(CertificateAuthority),
                Region = Region,
                EucarcPath = ResolveOptionalPath(EucarcPath),
                ProfileName = ProfileName,
                ProfileLocation = ResolveOptionalPath(ProfileLocation),
            };

            ProfileSecrets.AddVaultSecret(this, request);
            CloudSettings settings = CloudSettingsResolver.Resolve(request);
            if (settings.ComputeUrl is null && settings.ObjectStorageUrl is not null)
            {
                // An object-storage-only connection (bundle uploads and downloads): compute cmdlets will say
                // that the compute URL is missing when they are used with it.
                settings.Require(CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);
            }
            else
            {
                settings.Validate();
            }
            var connection = new CloudConnection(settings, ConnectionOptions());

            EucaCloudCmdlet.WriteSettingSources(this, settings);
            WriteVerbose($"Connected to {settings.ComputeUrl ?? settings.ObjectStorageUrl} as {settings.AccessKey}.");
            CertificateCheckWarning.WriteIfOff(this, settings);
            if (!NoDefault)
            {
                SessionConnections.Set(connection);
            }

            if (PassThru || NoDefault)
            {
                WriteObject(connection);
            }
        }

        // Every path setting is optional: one not given stays unset, for the other sources to fill in.
        private string? ResolveOptionalPath(string? path) =>
            string.IsNullOrEmpty(path) ? path : ResolvePath(path!);
    }
}
