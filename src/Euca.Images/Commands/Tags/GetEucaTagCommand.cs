using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Tags;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Tags
{
    /// <summary>Lists your account's tags (DescribeTags).</summary>
    /// <remarks>
    /// <para>Returns one object per tag (ResourceId, ResourceType, Key, Value), narrowed to the given resources and
    /// keys, as AWS.Tools' Get-EC2Tag does. Images, snapshots and volumes also show their tags in their Tags property,
    /// and Get-EucaImage, Get-EucaSnapshot and Get-EucaVolume take -Tag to find resources by tag.</para>
    /// </remarks>
    /// <example>
    /// <title>List every tag</title>
    /// <code>Get-EucaTag</code>
    /// <para>Lists the tags on all of your account's resources.</para>
    /// </example>
    /// <example>
    /// <title>The build tags of some images</title>
    /// <code>Get-EucaImage -Name 'web-*' | Get-EucaTag -Key build</code>
    /// <para>Image ids bind from the pipeline.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Tags.NewEucaTagCommand"/>
    /// <seealso cref="Euca.Images.Commands.Tags.RemoveEucaTagCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Snapshots.GetEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Volumes.GetEucaVolumeCommand"/>
    [Cmdlet(VerbsCommon.Get, "EucaTag")]
    [OutputType(typeof(TagInfo))]
    public sealed class GetEucaTagCommand : EucaCloudCmdlet
    {
        /// <summary>Only the tags of these images, snapshots, volumes or instances.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Resource", "ResourceIds", "ImageId", "SnapshotId", "VolumeId", "InstanceId")]
        [ArgumentCompleter(typeof(TaggableResourceIdCompleter))]
        public string[]? ResourceId { get; set; }

        /// <summary>Only tags with these keys.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string[]? Key { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var service = new TagService(CurrentConnection);
            WriteObject(RunEngine((progress, token) => service.GetTagsAsync(ResourceId, Key, token)), enumerateCollection: true);
        }
    }
}
