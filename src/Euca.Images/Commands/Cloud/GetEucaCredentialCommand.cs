using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Cloud
{
    /// <summary>Lists the stored connection profiles, with where each one and its secret key are kept.</summary>
    /// <remarks>
    /// <para>Returns the profiles saved with Set-EucaCredential -StoreAs, as AWS.Tools' Get-AWSCredential
    /// -ListProfileDetail lists its profiles: each with its settings (endpoints, access key, account id, certificate
    /// and key paths), the file that holds them (Location) and where its secret key is kept (SecretStorage: DPAPI on
    /// Windows, an owner-only file elsewhere, or a SecretManagement secret). The secret key itself is never shown.
    /// With -ProfileName it returns that profile, and an unknown name is a CloudProfileNotFound error.</para>
    /// </remarks>
    /// <example>
    /// <title>List the stored profiles</title>
    /// <code>Get-EucaCredential -ListProfileDetail</code>
    /// <para>Shows each profile's name, access key, compute URL and where its secret key lives.</para>
    /// </example>
    /// <example>
    /// <title>See every setting of one profile</title>
    /// <code>(Get-EucaCredential -ProfileName nightly).Settings</code>
    /// <para>Lists the stored settings by name; Get-EucaCloud -ProfileName nightly shows the connection they give.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Cloud.SetEucaCredentialCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.RemoveEucaCredentialProfileCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.ConnectEucaCloudCommand"/>
    /// <seealso href="about_Euca.Images_Unattended"/>
    [Cmdlet(VerbsCommon.Get, "EucaCredential", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(CloudProfile))]
    public sealed class GetEucaCredentialCommand : EucaCmdlet
    {
        private const string ListSet = "List";
        private const string NameSet = "Name";

        /// <summary>List every stored profile (the default).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter ListProfileDetail { get; set; }

        /// <summary>The profile to return.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "StoredCredentials")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var store = CloudProfileStore.ForUser(ConfigurationEnvironment.FromSystem());
            if (ProfileName is null)
            {
                WriteObject(store.List(), enumerateCollection: true);
                return;
            }

            CloudProfile profile = store.Find(ProfileName) ?? throw NotFound(store, ProfileName);
            WriteObject(profile);
        }

        internal static EucaException NotFound(CloudProfileStore store, string name) =>
            new EucaException(ErrorIds.CloudProfileNotFound, EucaErrorCategory.ObjectNotFound,
                $"There is no stored profile '{name}' in {store.Directory}. List them with Get-EucaCredential -ListProfileDetail.", name);
    }
}
