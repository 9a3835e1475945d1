using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Import;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Import
{
    /// <summary>Cancels a disk-import conversion task and, with -RemoveDiskImage, deletes its uploaded parts and manifest.</summary>
    /// <remarks>
    /// <para>Sends CancelConversionTask unless the task has already ended. With -RemoveDiskImage it then deletes every
    /// part the import manifest lists and then the manifest, as euca-delete-disk-image does; when the manifest was never
    /// uploaded, the parts in the import's own folder are deleted. Deleting stored objects asks for confirmation unless
    /// -Force is given.</para>
    /// </remarks>
    /// <example>
    /// <title>Cancel the running imports and remove what was uploaded</title>
    /// <code>Get-EucaConversionTask | Where-Object State -eq active | Stop-EucaConversionTask -RemoveDiskImage -Force</code>
    /// <para>Leaves nothing of the imports behind; Stop-EucaConversionTask -ConversionTaskId import-vol-... cancels
    /// one task by id.</para>
    /// </example>
    /// <example>
    /// <title>Clean up every failed import</title>
    /// <code>Get-EucaConversionTask | Where-Object State -eq cancelled | Stop-EucaConversionTask -RemoveDiskImage -Force</code>
    /// <para>Ended tasks are not cancelled again; only their disk images are deleted.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Import.GetEucaConversionTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.ResumeEucaImportCommand"/>
    /// <seealso cref="Euca.Images.Commands.Volumes.RemoveEucaVolumeCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsLifecycle.Stop, "EucaConversionTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ConversionTaskInfo))]
    public sealed class StopEucaConversionTaskCommand : EucaCloudCmdlet
    {
        /// <summary>The conversion task to cancel.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TaskId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConversionTaskIdCompleter))]
        public string? ConversionTaskId { get; set; }

        /// <summary>Also delete the uploaded parts and the import manifest from object storage.</summary>
        [Parameter]
        public SwitchParameter RemoveDiskImage { get; set; }

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the task as it is afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (!TryCheckId(ResourceIdPattern.ConversionTask, ConversionTaskId, out string id))
            {
                return;
            }

            string action = RemoveDiskImage ? "Cancel and delete the uploaded disk image" : "Cancel";
            // -Force skips the confirmation that ConfirmImpact High asks for, but never overrides -WhatIf.
            if (!(Force && !WhatIfRequested()) && !ShouldProcess(id, action))
            {
                return;
            }

            var service = new ImportService(CurrentConnection);
            try
            {
                ConversionTaskInfo task = RunEngine((progress, token) => service.StopAsync(id, RemoveDiskImage, null, token), id);
                if (PassThru)
                {
                    WriteObject(task);
                }
            }
            catch (EngineFailure failure)
            {
                WriteError(failure.ErrorRecord);
            }
        }

        private bool WhatIfRequested() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? value)
                ? ((SwitchParameter)value).IsPresent
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
    }
}
