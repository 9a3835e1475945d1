using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Tags;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Tags
{
    /// <summary>Adds tags to images, snapshots, volumes or instances (CreateTags).</summary>
    /// <remarks>
    /// <para>Adds each tag of -Tag to every resource, replacing the value of a key the resource already has, as
    /// AWS.Tools' New-EC2Tag does. Eucalyptus tags images, snapshots, volumes and instances, belonging to your account;
    /// tags are your account's own, so others do not see them. Keys have 1 to 128 characters and must not start with
    /// aws: or euca:, values at most 256; a resource takes at most 10 tags. Ids bind from the pipeline (ImageId,
    /// SnapshotId, VolumeId or InstanceId properties); a malformed id is its own error and the others are still
    /// tagged. It writes nothing unless -PassThru, which returns the tags as Get-EucaTag lists them.</para>
    /// </remarks>
    /// <example>
    /// <title>Tag the image of tonight's build</title>
    /// <code>New-EucaTag -ResourceId emi-7b8c9d0e -Tag @{ role = 'web'; build = '2026-11-28' }</code>
    /// <para>Adds two tags to the image.</para>
    /// </example>
    /// <example>
    /// <title>Tag every snapshot of a volume</title>
    /// <code>Get-EucaSnapshot | Where-Object VolumeId -eq vol-1a2b3c4d | New-EucaTag -Tag @{ keep = 'yes' } -PassThru</code>
    /// <para>Snapshot ids bind from the pipeline; -PassThru shows the tags each now has.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Tags.GetEucaTagCommand"/>
    /// <seealso cref="Euca.Images.Commands.Tags.RemoveEucaTagCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    [Cmdlet(VerbsCommon.New, "EucaTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TagInfo))]
    public sealed class NewEucaTagCommand : EucaCloudCmdlet
    {
        /// <summary>The images, snapshots, volumes or instances to tag.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Resource", "ResourceIds", "ImageId", "SnapshotId", "VolumeId", "InstanceId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TaggableResourceIdCompleter))]
        public string[] ResourceId { get; set; } = new string[0];

        /// <summary>The tags to add, as @{ key = 'value' }.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public Hashtable? Tag { get; set; }

        /// <summary>Return the resources' tags after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            IReadOnlyDictionary<string, string> tags = TagArguments.From(Tag);
            foreach (string id in ResourceId)
            {
                if (!TryCheckId(ResourceIdPattern.Taggable, id, out string canonical) || !ShouldProcess(canonical, "Add tags " + string.Join(", ", tags.Keys)))
                {
                    continue;
                }

                var service = new TagService(CurrentConnection);
                try
                {
                    RunEngine((progress, token) => service.CreateTagsAsync(new[] { canonical }, tags, token), canonical);
                    if (PassThru)
                    {
                        WriteObject(RunEngine((progress, token) => service.GetTagsAsync(new[] { canonical }, null, token), canonical), enumerateCollection: true);
                    }
                }
                catch (EngineFailure failure)
                {
                    WriteError(failure.ErrorRecord);
                }
            }
        }
    }
}
