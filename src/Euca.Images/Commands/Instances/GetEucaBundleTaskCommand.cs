using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Instances;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Instances
{
    /// <summary>Gets bundle tasks (DescribeBundleTasks).</summary>
    /// <remarks>
    /// <para>Without -BundleId, lists all of your bundle tasks. Each shows its state (pending, waiting-for-shutdown,
    /// bundling, storing, cancelling, complete or failed), progress, the error of a failed task, and the
    /// ManifestLocation of the bundle it stores.</para>
    /// <para>Errors are per task: a malformed id is BundleIdInvalid and an unknown one BundleTaskNotFound, with the id
    /// as target; the other tasks are still listed.</para>
    /// </remarks>
    /// <example>
    /// <title>List your bundle tasks</title>
    /// <code>Get-EucaBundleTask</code>
    /// <para>Shows every bundle task as a table.</para>
    /// </example>
    /// <example>
    /// <title>Check one task</title>
    /// <code>Get-EucaBundleTask -BundleId bun-2a3b4c5d | Format-List</code>
    /// <para>Shows every field of the task, including an error message if it failed.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Instances.NewEucaInstanceBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Instances.WaitEucaBundleTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Instances.StopEucaBundleTaskCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommon.Get, "EucaBundleTask")]
    [OutputType(typeof(BundleTaskInfo))]
    public sealed class GetEucaBundleTaskCommand : EucaCloudCmdlet
    {
        /// <summary>The ids of the bundle tasks to get (bun-...).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("BundleIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BundleIdCompleter))]
        public string[]? BundleId { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var bundler = new InstanceBundler(CurrentConnection);
            WriteListing(RunEngine((progress, token) => bundler.GetBundleTasksAsync(BundleId, token)));
        }
    }
}
