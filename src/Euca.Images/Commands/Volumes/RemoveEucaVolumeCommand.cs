using System.Collections.Generic;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Volumes;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Volumes
{
    /// <summary>Deletes EBS volumes (DeleteVolume), such as those Import-EucaVolume and New-EucaEbsImage leave behind.</summary>
    /// <remarks>
    /// <para>Each volume is deleted for good; its snapshots stay. A volume that is attached to an instance, running or
    /// stopped, is not deleted (VolumeInUse): detach it or terminate the instance first. A volume that does not exist
    /// or belongs to another account is VolumeNotFound. Errors are per volume: the other volumes are still processed.</para>
    /// <para>Volume ids bind from the pipeline, as strings or as any object with a VolumeId property: the conversion
    /// tasks of Get-EucaConversionTask (a task has a volume only once its conversion has completed; one without is
    /// reported as VolumeIdMissing) and the snapshots of Get-EucaSnapshot (their source volume). It asks for
    /// confirmation unless -Force or -Confirm:$false is given. It writes nothing to the pipeline; -Verbose names
    /// each deleted volume.</para>
    /// </remarks>
    /// <example>
    /// <title>Delete the unattached volumes of a zone</title>
    /// <code>Get-EucaVolume -State available -AvailabilityZone one | Remove-EucaVolume -Force</code>
    /// <para>Deletes them without asking; Remove-EucaVolume -VolumeId vol-... deletes one volume by id. A volume
    /// still attached to an instance is refused with VolumeInUse.</para>
    /// </example>
    /// <example>
    /// <title>Delete the volumes of completed imports</title>
    /// <code>Get-EucaConversionTask | Where-Object State -eq completed | Get-EucaVolume -ErrorAction SilentlyContinue | Remove-EucaVolume -Confirm:$false</code>
    /// <para>Deletes the volumes that completed conversion tasks made and that still exist, for example the volume
    /// New-EucaEbsImage -KeepVolume kept, or one a failed New-EucaEbsImage left behind; Get-EucaVolume skips the
    /// volumes already deleted.</para>
    /// </example>
    /// <example>
    /// <title>See what would be deleted</title>
    /// <code>Get-EucaSnapshot | Remove-EucaVolume -WhatIf</code>
    /// <para>Lists the source volumes of your snapshots that would be deleted, and deletes nothing.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Volumes.GetEucaVolumeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Snapshots.NewEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.StopEucaConversionTaskCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsCommon.Remove, "EucaVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveEucaVolumeCommand : EucaCloudCmdlet
    {
        /// <summary>The volumes to delete (vol-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VolumeIds")]
        // A piped object without a volume (a conversion task still converting) must reach the engine, which reports
        // it as VolumeIdMissing, instead of failing parameter binding with a message that names no volume.
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(VolumeIdCompleter))]
        public string?[]? VolumeId { get; set; }

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            // A null property of a piped object binds as a null array: it is one item without a volume.
            IReadOnlyList<string?> ids = VolumeId is { Length: > 0 } given ? given : new string?[] { null };
            foreach (string? id in ids)
            {
                if (!TryCheckId(ResourceIdPattern.VolumeOfInput, id, out string canonical))
                {
                    continue;
                }

                // -Force skips the confirmation prompt; -WhatIf still only reports.
                bool ask = !Force || MyInvocation.BoundParameters.ContainsKey("WhatIf");
                if (ask && !ShouldProcess(canonical, "Delete volume"))
                {
                    continue;
                }

                var service = new VolumeService(CurrentConnection);
                try
                {
                    RunEngine((progress, token) => service.DeleteVolumeAsync(canonical, token), canonical);
                    WriteVerbose($"Deleted volume {canonical}.");
                }
                catch (EngineFailure failure)
                {
                    WriteError(failure.ErrorRecord);
                }
            }
        }
    }
}
