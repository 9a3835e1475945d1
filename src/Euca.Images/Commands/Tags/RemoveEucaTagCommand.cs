using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tags;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Tags
{
    /// <summary>Removes tags from images, snapshots, volumes or instances (DeleteTags).</summary>
    /// <remarks>
    /// <para>Removes, from every resource, each key of -Key whatever its value, and each tag of -Tag only where it has
    /// that value, as AWS.Tools' Remove-EC2Tag does. A tag the resource does not have is ignored. At least one key is
    /// needed: it never removes all of a resource's tags by accident. Asks for confirmation unless -Force or
    /// -Confirm:$false; a malformed id is its own error and the other resources are still processed.</para>
    /// </remarks>
    /// <example>
    /// <title>Remove a tag whatever its value</title>
    /// <code>Get-EucaImage -Name web-nightly | Remove-EucaTag -Key build -Force</code>
    /// <para>The web-nightly image no longer has a build tag, whatever its value was.</para>
    /// </example>
    /// <example>
    /// <title>Remove a tag only where it has a value</title>
    /// <code>Get-EucaImage -Tag @{ role = 'nightly' } | Remove-EucaTag -Tag @{ role = 'nightly' } -Confirm:$false</code>
    /// <para>Images tagged role=nightly lose that tag; another value of role would stay.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Tags.GetEucaTagCommand"/>
    /// <seealso cref="Euca.Images.Commands.Tags.NewEucaTagCommand"/>
    [Cmdlet(VerbsCommon.Remove, "EucaTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveEucaTagCommand : EucaCloudCmdlet
    {
        /// <summary>The images, snapshots, volumes or instances to remove tags from.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Resource", "ResourceIds", "ImageId", "SnapshotId", "VolumeId", "InstanceId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TaggableResourceIdCompleter))]
        public string[] ResourceId { get; set; } = new string[0];

        /// <summary>Tags to remove whatever their values.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string[]? Key { get; set; }

        /// <summary>Tags to remove only where they have these values, as @{ key = 'value' }.</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>Remove without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if ((Key ?? new string[0]).Length == 0 && (Tag is null || Tag.Count == 0))
            {
                ThrowTerminatingError(ErrorRecords.From(new EucaException(ErrorIds.TagInvalid, EucaErrorCategory.InvalidArgument,
                    "Give -Key or -Tag: Remove-EucaTag never removes all of a resource's tags.", null)));
            }
        }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var tags = new Dictionary<string, string?>();
            foreach (string key in Key ?? new string[0])
            {
                tags[key] = null;
            }

            foreach (KeyValuePair<string, string> tag in TagArguments.From(Tag))
            {
                tags[tag.Key] = tag.Value;
            }

            foreach (string id in ResourceId)
            {
                // -Force skips the confirmation prompt; -WhatIf still only reports.
                bool ask = !Force || MyInvocation.BoundParameters.ContainsKey("WhatIf");
                if (!TryCheckId(ResourceIdPattern.Taggable, id, out string canonical) || ask && !ShouldProcess(canonical, "Remove tags " + string.Join(", ", tags.Keys)))
                {
                    continue;
                }

                var service = new TagService(CurrentConnection);
                try
                {
                    RunEngine((progress, token) => service.DeleteTagsAsync(new[] { canonical }, tags, token), canonical);
                    WriteVerbose($"Removed tags {string.Join(", ", tags.Keys.OrderBy(k => k))} from {canonical}.");
                }
                catch (EngineFailure failure)
                {
                    WriteError(failure.ErrorRecord);
                }
            }
        }
    }
}
