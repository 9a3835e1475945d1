using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Import;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Import
{
    /// <summary>Waits for disk-import conversion tasks to complete, showing the bytes converted.</summary>
    /// <remarks>
    /// <para>Polls DescribeConversionTasks until the task is completed and emits it (with its VolumeId and, for
    /// ImportInstance, InstanceId). A task that ends cancelled (how Eucalyptus reports a failed conversion) is an error
    /// carrying the task's status message; so is a task still running after -Timeout.</para>
    /// </remarks>
    /// <example>
    /// <title>Import and wait</title>
    /// <code>Import-EucaVolume -Path ./disk.raw -AvailabilityZone one -Bucket imports | Wait-EucaConversionTask -TimeoutSeconds 7200</code>
    /// <para>The progress bar follows ApproximateBytesConverted.</para>
    /// </example>
    /// <example>
    /// <title>Wait for every running import</title>
    /// <code>Get-EucaConversionTask | Where-Object State -eq active | Wait-EucaConversionTask</code>
    /// <para>Emits each task once it completes; Wait-EucaConversionTask import-vol-... waits for one task by id.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Import.ImportEucaVolumeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.GetEucaConversionTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Snapshots.NewEucaSnapshotCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsLifecycle.Wait, "EucaConversionTask")]
    [OutputType(typeof(ConversionTaskInfo))]
    public sealed class WaitEucaConversionTaskCommand : EucaCloudCmdlet
    {
        /// <summary>The conversion task to wait for.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TaskId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConversionTaskIdCompleter))]
        public string? ConversionTaskId { get; set; }

        /// <summary>How long to wait for each task, in seconds (default 10800: 3 hours, Eucalyptus' import task timeout).</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        public int TimeoutSeconds { get; set; } = 10800;

        /// <summary>Seconds between two polls of the cloud (default 5).</summary>
        [Parameter]
        [ValidateRange(0.1, 3600.0)]
        public double PollSeconds { get; set; } = 5;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var service = new ImportService(CurrentConnection);
            string id = ConversionTaskId!;
            try
            {
                WriteObject(RunEngine((progress, token) => service.WaitAsync(id, TimeSpan.FromSeconds(TimeoutSeconds), TimeSpan.FromSeconds(PollSeconds), progress, token), id));
            }
            catch (EngineFailure failure)
            {
                // One failed task must not stop waiting for the others in the pipeline.
                WriteError(failure.ErrorRecord);
            }
        }
    }
}
