using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Workflows;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Snapshots
{
    /// <summary>Deletes EBS snapshots (DeleteSnapshot), refusing one a registered image boots from.</summary>
    /// <remarks>
    /// <para>Each snapshot is deleted for good. A snapshot that a registered image uses (its root or another block
    /// device) is not deleted: the error, SnapshotInUse, names the image, which Unregister-EucaImage -Purge removes
    /// first. A snapshot that does not exist or belongs to another account is SnapshotNotFound. Errors are per
    /// snapshot: the others are still processed. Snapshot ids bind from the pipeline (Get-EucaSnapshot, or any object
    /// with a SnapshotId). It asks for confirmation (High impact) unless -Force or -Confirm:$false is given, and writes
    /// nothing to the pipeline; -Verbose names each deleted snapshot.</para>
    /// </remarks>
    /// <example>
    /// <title>Delete scratch snapshots</title>
    /// <code>Get-EucaSnapshot | Where-Object Description -eq 'scratch' | Remove-EucaSnapshot -Force</code>
    /// <para>Deletes the snapshots described as scratch without asking, except those an image still boots from.</para>
    /// </example>
    /// <example>
    /// <title>Delete old snapshots of a rotation</title>
    /// <code>Get-EucaSnapshot -Tag @{ rotation = 'web' } | Where-Object StartTime -lt (Get-Date).AddDays(-30) | Remove-EucaSnapshot -Confirm:$false</code>
    /// <para>Snapshots still used by a registered image are reported and kept.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Snapshots.GetEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Snapshots.NewEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.UnregisterEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Volumes.RemoveEucaVolumeCommand"/>
    [Cmdlet(VerbsCommon.Remove, "EucaSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveEucaSnapshotCommand : EucaCloudCmdlet
    {
        /// <summary>The snapshots to delete (snap-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        public string[] SnapshotId { get; set; } = new string[0];

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            foreach (string id in SnapshotId)
            {
                if (!TryCheckId(ResourceIdPattern.Snapshot, id, out string canonical))
                {
                    continue;
                }

                // -Force skips the confirmation prompt; -WhatIf still only reports.
                bool ask = !Force || MyInvocation.BoundParameters.ContainsKey("WhatIf");
                if (ask && !ShouldProcess(canonical, "Delete snapshot"))
                {
                    continue;
                }

                var removal = new SnapshotRemoval(CurrentConnection);
                try
                {
                    RunEngine((progress, token) => removal.RemoveAsync(canonical, token), canonical);
                    WriteVerbose($"Deleted snapshot {canonical}.");
                }
                catch (EngineFailure failure)
                {
                    WriteError(failure.ErrorRecord);
                }
            }
        }
    }
}
