using System.Management.Automation;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Cloud
{
    /// <summary>Forgets the session's connection.</summary>
    /// <remarks>
    /// <para>Removes the connection set by Connect-EucaCloud. Later cmdlets resolve their settings from the
    /// configuration files and environment again, unless they are given -Connection. A connection object you kept
    /// from Connect-EucaCloud -PassThru still works with -Connection; credentials extracted from a credentials zip are
    /// deleted when PowerShell exits.</para>
    /// </remarks>
    /// <example>
    /// <title>Disconnect</title>
    /// <code>Disconnect-EucaCloud</code>
    /// <para>Clears the session's default connection.</para>
    /// </example>
    /// <example>
    /// <title>Switch clouds in a script</title>
    /// <code>Disconnect-EucaCloud; Connect-EucaCloud -Region admin@staging</code>
    /// <para>Drops the old connection before connecting to another region.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Cloud.ConnectEucaCloudCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.GetEucaCloudCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommunications.Disconnect, "EucaCloud")]
    public sealed class DisconnectEucaCloudCommand : EucaCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (!SessionConnections.Clear())
            {
                WriteVerbose("There was no connection to remove.");
            }
        }
    }
}
