using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Instances;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Instances
{
    /// <summary>Cancels bundle tasks that have not finished (CancelBundleTask).</summary>
    /// <remarks>
    /// <para>The task moves to cancelling and then ends as failed; parts already uploaded stay in the bucket. A task
    /// that is already complete or failed cannot be cancelled.</para>
    /// </remarks>
    /// <example>
    /// <title>Cancel a bundle task</title>
    /// <code>Stop-EucaBundleTask -BundleId bun-3b4c5d6e</code>
    /// <para>Asks for confirmation when $ConfirmPreference is Medium or lower, then returns the cancelling task.</para>
    /// </example>
    /// <example>
    /// <title>Cancel every unfinished task</title>
    /// <code>Get-EucaBundleTask | Where-Object State -notin 'complete', 'failed', 'cancelling' | Stop-EucaBundleTask -Confirm:$false</code>
    /// <para>Cancels all tasks still running; a task already cancelling cannot be cancelled again (IncorrectState).</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Instances.GetEucaBundleTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Instances.NewEucaInstanceBundleCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsLifecycle.Stop, "EucaBundleTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BundleTaskInfo))]
    public sealed class StopEucaBundleTaskCommand : EucaCloudCmdlet
    {
        /// <summary>The bundle task to cancel (bun-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BundleIdCompleter))]
        public string BundleId { get; set; } = string.Empty;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (!TryCheckId(ResourceIdPattern.BundleTask, BundleId, out string id) || !ShouldProcess(id, "Cancel bundle task"))
            {
                return;
            }

            var bundler = new InstanceBundler(CurrentConnection);
            try
            {
                WriteObject(RunEngine((progress, token) => bundler.CancelBundleTaskAsync(id, token), id));
            }
            catch (EngineFailure failure)
            {
                WriteError(failure.ErrorRecord);
            }
        }
    }
}
