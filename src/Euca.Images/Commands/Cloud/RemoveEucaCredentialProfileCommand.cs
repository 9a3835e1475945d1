using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Cloud
{
    /// <summary>Deletes stored connection profiles.</summary>
    /// <remarks>
    /// <para>Deletes the profile files saved with Set-EucaCredential -StoreAs, as AWS.Tools'
    /// Remove-AWSCredentialProfile does. A secret key kept in a SecretManagement vault stays there (remove it with
    /// Remove-Secret). Asks for confirmation (High impact) unless -Force or -Confirm:$false. An unknown name is a
    /// CloudProfileNotFound error; the other names are still removed.</para>
    /// </remarks>
    /// <example>
    /// <title>Delete a profile</title>
    /// <code>Remove-EucaCredentialProfile -ProfileName nightly -Force</code>
    /// <para>Deletes the profile without asking.</para>
    /// </example>
    /// <example>
    /// <title>Delete the stored profiles of a retired cloud</title>
    /// <code>Get-EucaCredential -ListProfileDetail | Where-Object Name -like 'old-*' | Remove-EucaCredentialProfile -Confirm:$false</code>
    /// <para>Deletes every stored profile whose name starts with old- without asking.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Cloud.GetEucaCredentialCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.SetEucaCredentialCommand"/>
    /// <seealso href="about_Euca.Images_Unattended"/>
    [Cmdlet(VerbsCommon.Remove, "EucaCredentialProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveEucaCredentialProfileCommand : EucaCmdlet
    {
        /// <summary>The profiles to delete.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "StoredCredentials")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string[] ProfileName { get; set; } = new string[0];

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var store = CloudProfileStore.ForUser(ConfigurationEnvironment.FromSystem());
            foreach (string name in ProfileName)
            {
                // -Force skips the confirmation prompt; -WhatIf still only reports.
                bool ask = !Force || MyInvocation.BoundParameters.ContainsKey("WhatIf");
                if (ask && !ShouldProcess(name, "Delete stored profile"))
                {
                    continue;
                }

                try
                {
                    if (!store.Remove(name))
                    {
                        WriteError(ErrorRecords.From(GetEucaCredentialCommand.NotFound(store, name)));
                        continue;
                    }
                }
                catch (EucaException invalid)
                {
                    WriteError(ErrorRecords.From(invalid));
                    continue;
                }

                WriteVerbose($"Deleted stored profile '{name}'.");
            }
        }
    }
}
