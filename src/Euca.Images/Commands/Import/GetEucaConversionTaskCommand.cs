using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Import;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Import
{
    /// <summary>Gets disk-import conversion tasks (DescribeConversionTasks).</summary>
    /// <remarks>
    /// <para>Without -ConversionTaskId, lists all of your conversion tasks. Each task shows its state (active,
    /// cancelling, cancelled, completed), its status message (a failed conversion ends cancelled with the reason),
    /// the bytes converted so far, and the volume and instance it produced.</para>
    /// <para>Errors are per task: a malformed id is ConversionTaskIdInvalid and an unknown one ConversionTaskNotFound,
    /// with the id as target; the other tasks are still listed.</para>
    /// </remarks>
    /// <example>
    /// <title>List your import tasks</title>
    /// <code>Get-EucaConversionTask</code>
    /// <para>Shows every task as a table.</para>
    /// </example>
    /// <example>
    /// <title>See why imports did not complete</title>
    /// <code>Get-EucaConversionTask | Where-Object State -ne completed | Format-List ConversionTaskId, State, StatusMessage</code>
    /// <para>Ids also bind from the pipeline by property name; Get-EucaConversionTask import-vol-... shows one task.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Import.WaitEucaConversionTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.StopEucaConversionTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.ImportEucaVolumeCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsCommon.Get, "EucaConversionTask")]
    [OutputType(typeof(ConversionTaskInfo))]
    public sealed class GetEucaConversionTaskCommand : EucaCloudCmdlet
    {
        /// <summary>The conversion tasks to get (import-vol-… or import-i-…).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConversionTaskIds", "TaskId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConversionTaskIdCompleter))]
        public string[]? ConversionTaskId { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var service = new ImportService(CurrentConnection);
            WriteListing(RunEngine((progress, token) => service.GetConversionTasksAsync(ConversionTaskId, token)));
        }
    }
}
