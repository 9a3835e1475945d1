using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Cloud
{
    /// <summary>Shows the connection Euca.Images cmdlets use in this session.</summary>
    /// <remarks>
    /// <para>Returns the session's connection from Connect-EucaCloud. Without one, returns the connection the
    /// cmdlets would resolve from the euca2ools configuration, AWS profile and environment, so you can see what a
    /// script or scheduled task will use; with -ProfileName or -Region, the connection those give. Its properties are
    /// what the view shows (ComputeUrl, AccessKey, ...), and Sources says where each setting came from, so a
    /// scheduled task can log it.</para>
    /// <para>The secret key and session token are never shown.</para>
    /// </remarks>
    /// <example>
    /// <title>Show the current connection</title>
    /// <code>Get-EucaCloud</code>
    /// <para>Lists the endpoints, access key, account and certificate files in use.</para>
    /// </example>
    /// <example>
    /// <title>Check a stored profile before scheduling a task with it</title>
    /// <code>Get-EucaCloud -ProfileName nightly | Format-List ComputeUrl, AccessKey, Sources</code>
    /// <para>Shows the endpoints and keys the profile gives, and that the secret key comes from the protected store.</para>
    /// </example>
    /// <example>
    /// <title>See where each setting came from</title>
    /// <code>(Get-EucaCloud).Sources</code>
    /// <para>Shows, for each setting, the parameter, file or environment variable it was read from.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Cloud.ConnectEucaCloudCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.DisconnectEucaCloudCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommon.Get, "EucaCloud")]
    [OutputType(typeof(CloudConnection))]
    public sealed class GetEucaCloudCommand : EucaCmdlet
    {
        /// <summary>Show the connection this stored profile (Set-EucaCredential -StoreAs) or AWS profile gives instead.</summary>
        [Parameter]
        [Alias("StoredCredentials")]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        /// <summary>Show the connection this euca2ools region (USER@REGION) gives instead.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            bool chosen = !string.IsNullOrWhiteSpace(ProfileName) || !string.IsNullOrWhiteSpace(Region);
            CloudConnection? current = chosen ? null : SessionConnections.Current;
            if (current is null)
            {
                WriteVerbose(chosen
                    ? "Showing the settings the profile or region resolves to."
                    : "No Connect-EucaCloud in this session; showing the settings resolved from the configuration files and environment.");
                var request = new CloudSettingsRequest { ProfileName = ProfileName, Region = Region };
                ProfileSecrets.AddVaultSecret(this, request);
                current = new CloudConnection(CloudSettingsResolver.Resolve(request));
            }

            WriteObject(current);
        }
    }
}
