using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Instances;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Instances
{
    /// <summary>Gets instances (DescribeInstances), to pipe their ids into the image cmdlets.</summary>
    /// <remarks>
    /// <para>Without -InstanceId, lists your instances; -State narrows them (pending, running, stopping, stopped,
    /// shutting-down, terminated). Each instance shows its image, state, root device type and volumes, so that
    /// New-EucaImage (EBS-backed instances) and New-EucaInstanceBundle (instance-store ones) can take it from the
    /// pipeline. Errors are per instance: a malformed id is InstanceIdInvalid and an unknown one InstanceNotFound, with
    /// the id as target; the others are still listed.</para>
    /// </remarks>
    /// <example>
    /// <title>List your running instances</title>
    /// <code>Get-EucaInstance -State running</code>
    /// <para>Shows each instance with its image, state and root device type.</para>
    /// </example>
    /// <example>
    /// <title>Image every stopped EBS-backed instance</title>
    /// <code>Get-EucaInstance -State stopped | Where-Object RootDeviceType -eq Ebs | ForEach-Object { New-EucaImage -InstanceId $_.InstanceId -Name "backup-$($_.InstanceId)" }</code>
    /// <para>Instance ids come from the listing.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Instances.NewEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Instances.NewEucaInstanceBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Tags.GetEucaTagCommand"/>
    [Cmdlet(VerbsCommon.Get, "EucaInstance")]
    [OutputType(typeof(InstanceInfo))]
    public sealed class GetEucaInstanceCommand : EucaCloudCmdlet
    {
        /// <summary>The ids of the instances to get (i-...).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InstanceIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(InstanceIdCompleter))]
        public string[]? InstanceId { get; set; }

        /// <summary>Only instances in these states.</summary>
        [Parameter]
        [ValidateSet("pending", "running", "stopping", "stopped", "shutting-down", "terminated")]
        public string[]? State { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var service = new InstanceService(CurrentConnection);
            WriteListing(RunEngine((progress, token) => service.GetInstancesAsync(InstanceId, State, token)));
        }
    }
}
