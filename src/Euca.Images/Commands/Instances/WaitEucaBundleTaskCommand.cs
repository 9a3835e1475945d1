using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Instances;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Instances
{
    /// <summary>Waits until bundle tasks are complete, showing their progress.</summary>
    /// <remarks>
    /// <para>Polls each task until it is complete (the task is returned, with the ManifestLocation to register) or
    /// failed (an error with the error id BundleTaskFailed and the cloud's message). A task still running after
    /// -TimeoutSeconds gives BundleTaskTimeout; it goes on in the cloud. Progress shows the task's state and
    /// percentage.</para>
    /// </remarks>
    /// <example>
    /// <title>Wait for a bundle, then register it</title>
    /// <code>Wait-EucaBundleTask bun-3b4c5d6e | Register-EucaImage -Name win2012-web</code>
    /// <para>Registers the stored bundle once the task is complete.</para>
    /// </example>
    /// <example>
    /// <title>Wait at most ten minutes</title>
    /// <code>Get-EucaBundleTask | Wait-EucaBundleTask -TimeoutSeconds 600</code>
    /// <para>Waits for every task of yours, one after another.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Instances.NewEucaInstanceBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Instances.GetEucaBundleTaskCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsLifecycle.Wait, "EucaBundleTask")]
    [OutputType(typeof(BundleTaskInfo))]
    public sealed class WaitEucaBundleTaskCommand : EucaCloudCmdlet
    {
        /// <summary>The bundle task to wait for (bun-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BundleIdCompleter))]
        public string BundleId { get; set; } = string.Empty;

        /// <summary>How long to wait for each task, in seconds (default 7200).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = 7200;

        /// <summary>Seconds between two polls of the cloud (default 5).</summary>
        [Parameter]
        [ValidateRange(0.1, 3600.0)]
        public double PollSeconds { get; set; } = 5;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var bundler = new InstanceBundler(CurrentConnection) { PollInterval = TimeSpan.FromSeconds(PollSeconds) };
            try
            {
                BundleTaskInfo task = RunEngine(
                    (progress, token) => bundler.WaitForBundleTaskAsync(BundleId, TimeSpan.FromSeconds(TimeoutSeconds), progress, token), BundleId);
                WriteObject(task);
            }
            catch (EngineFailure failure)
            {
                WriteError(failure.ErrorRecord);
            }
        }
    }
}
