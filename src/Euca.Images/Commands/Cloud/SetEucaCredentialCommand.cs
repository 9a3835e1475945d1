using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Cloud
{
    /// <summary>Saves a connection under a name, for scheduled tasks and scripts to connect with -ProfileName.</summary>
    /// <remarks>
    /// <para>Stores every setting of a connection (compute, object storage and bootstrap URLs, access key, account id,
    /// certificate, private key and cloud certificate paths, certificate authority and certificate check, signing
    /// region) under -StoreAs, for the current user, as AWS.Tools' Set-AWSCredential -StoreAs does. The connection is
    /// -Connection (piped from Connect-EucaCloud -PassThru -NoDefault), else the session's, else the one the
    /// configuration files and environment give. Saving under an existing name replaces that profile. Every cloud
    /// cmdlet, Connect-EucaCloud and Get-EucaCloud then take -ProfileName NAME.</para>
    /// <para>The secret key is never stored in clear where the platform can protect it. On Windows it is encrypted
    /// with DPAPI for the current user (only that user, on that machine, can read it; a task running as another
    /// account needs its own profile, saved while logged on as that account). On Linux and macOS there is no such store:
    /// the profile is a file readable by its owner only (mode 0600, in a folder of mode 0700), and a profile file that
    /// other users can read is refused when it is used. The files are in %LOCALAPPDATA%\Euca.Images\Profiles on
    /// Windows, else $XDG_CONFIG_HOME/euca-images/profiles (default ~/.config/euca-images/profiles).</para>
    /// <para>With -SecretName the secret key is not stored at all: the profile names a SecretManagement secret (in
    /// -Vault, else the default vault) that Get-Secret reads at connect time. SecretManagement is needed only then; it
    /// is not a dependency of Euca.Images. Store the secret first, for example Set-Secret -Name euca-nightly -Secret $key.
    /// Session tokens are not stored: they expire.</para>
    /// </remarks>
    /// <example>
    /// <title>Save the session's connection</title>
    /// <code>Connect-EucaCloud -ComputeUrl https://clc.example.com:8773/services/compute -Credential (Get-Credential) -AccountId 123456789012; Set-EucaCredential -StoreAs nightly</code>
    /// <para>A scheduled task then runs Install-EucaImage -ProfileName nightly ..., or Connect-EucaCloud -ProfileName nightly first.</para>
    /// </example>
    /// <example>
    /// <title>Save a connection without making it the session's</title>
    /// <code>Connect-EucaCloud -Region admin@staging -PassThru -NoDefault | Set-EucaCredential -StoreAs staging-admin</code>
    /// <para>Copies what the euca2ools configuration gives for admin@staging into a stored profile.</para>
    /// </example>
    /// <example>
    /// <title>Keep the secret key in a SecretManagement vault</title>
    /// <code>Set-Secret -Name euca-nightly -Secret $secretKey -Vault LocalStore; Set-EucaCredential -StoreAs nightly -SecretName euca-nightly -Vault LocalStore</code>
    /// <para>The profile keeps the endpoints and access key; the secret key is read from the vault each time the profile is used.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Cloud.GetEucaCredentialCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.RemoveEucaCredentialProfileCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.ConnectEucaCloudCommand"/>
    /// <seealso href="about_Euca.Images_Unattended"/>
    [Cmdlet(VerbsCommon.Set, "EucaCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CloudProfile))]
    public sealed class SetEucaCredentialCommand : EucaCmdlet
    {
        /// <summary>The profile's name: 1 to 64 letters, digits, '.', '_' or '-'.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("ProfileName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? StoreAs { get; set; }

        /// <summary>The connection to save (from Connect-EucaCloud -PassThru); by default the session's connection.</summary>
        [Parameter(ValueFromPipeline = true)]
        public CloudConnection? Connection { get; set; }

        /// <summary>Store no secret key: read it at connect time from this SecretManagement secret (a string or a credential).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? SecretName { get; set; }

        /// <summary>The SecretManagement vault of -SecretName; by default the default vault.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Vault { get; set; }

        /// <summary>Return the stored profile.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            CloudSettings settings = (Connection ?? SessionConnections.Current)?.Settings
                ?? CloudSettingsResolver.Resolve(new CloudSettingsRequest());
            var store = CloudProfileStore.ForUser(ConfigurationEnvironment.FromSystem());
            if (!ShouldProcess(store.Directory, $"Store the connection to {settings.ComputeUrl?.ToString() ?? settings.ObjectStorageUrl?.ToString()} as profile '{StoreAs}'"))
            {
                return;
            }

            CloudProfile profile = store.Save(StoreAs!, settings, SecretName, Vault);
            WriteVerbose($"Stored profile '{profile.Name}' in {profile.Location}; the secret key is kept in {profile.SecretStorage}.");
            if (PassThru)
            {
                WriteObject(profile);
            }
        }
    }
}
