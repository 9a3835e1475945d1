using System.Management.Automation;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Cloud
{
    /// <summary>Shows the connection Euca.Images cmdlets use in this session.</summary>
    /// <remarks>
    /// <para>Returns the session's connection from Connect-EucaCloud. Without one, returns the connection the
    /// cmdlets would resolve from the euca2ools configuration, AWS profile and environment, so you can see what a
    /// script or scheduled task will use. The Sources property says where each setting came from.</para>
    /// <para>The secret key and session token are never shown.</para>
    /// </remarks>
    /// <example>
    /// <title>Show the current connection</title>
    /// <code>Get-EucaCloud</code>
    /// <para>Lists the endpoints, access key, account and certificate files in use.</para>
    /// </example>
    /// <example>
    /// <title>See where each setting came from</title>
    /// <code>(Get-EucaCloud).Settings.Sources</code>
    /// <para>Shows, for each setting, the parameter, file or environment variable it was read from.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Cloud.ConnectEucaCloudCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.DisconnectEucaCloudCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommon.Get, "EucaCloud")]
    [OutputType(typeof(CloudConnection))]
    public sealed class GetEucaCloudCommand : EucaCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            CloudConnection? current = SessionConnections.Current;
            if (current is null)
            {
                WriteVerbose("No Connect-EucaCloud in this session; showing the settings resolved from the configuration files and environment.");
                current = new CloudConnection(CloudSettingsResolver.Resolve(new CloudSettingsRequest()));
            }

            WriteObject(current);
        }
    }
}
