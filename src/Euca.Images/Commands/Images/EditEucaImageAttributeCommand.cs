using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images.Attributes;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    /// <summary>Changes who may run images, adds product codes, or sets the description.</summary>
    /// <remarks>
    /// <para>-AddLaunchPermission and -RemoveLaunchPermission take 12-digit account ids or all (the group all, which makes the
    /// image public); -Public and -Private are shortcuts for adding and removing all. Product codes can only be added.
    /// Each changed attribute is one ModifyImageAttribute call. Only the owner or an administrator may change an image.</para>
    /// <para>-PassThru emits each changed attribute as the cloud describes it afterwards. Errors are per image.</para>
    /// </remarks>
    /// <example>
    /// <title>Share an image with another account</title>
    /// <code>Edit-EucaImageAttribute -ImageId emi-5a6b7c8d -AddLaunchPermission 210987654321 -PassThru</code>
    /// <para>Shows the new launch permissions.</para>
    /// </example>
    /// <example>
    /// <title>Make images public</title>
    /// <code>Get-EucaImage -Owner self -Name 'golden-*' | Edit-EucaImageAttribute -Public</code>
    /// <para>Adds the group all to each image's launch permissions.</para>
    /// </example>
    /// <example>
    /// <title>Change the description</title>
    /// <code>Edit-EucaImageAttribute emi-5a6b7c8d -Description 'CentOS 7.9, patched 2024-05'</code>
    /// <para>Replaces the description.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageAttributeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.ResetEucaImageAttributeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsData.Edit, "EucaImageAttribute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageAttributeInfo))]
    public sealed class EditEucaImageAttributeCommand : EucaCloudCmdlet
    {
        /// <summary>The images to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageIds", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageIdCompleter))]
        public string[] ImageId { get; set; } = new string[0];

        /// <summary>Account ids (12 digits) or all to add to the launch permissions.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LaunchPermissionCompleter))]
        public string[]? AddLaunchPermission { get; set; }

        /// <summary>Account ids (12 digits) or all to remove from the launch permissions.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LaunchPermissionCompleter))]
        public string[]? RemoveLaunchPermission { get; set; }

        /// <summary>Make the image public (adds the group all).</summary>
        [Parameter]
        public SwitchParameter Public { get; set; }

        /// <summary>Make the image private (removes the group all; account permissions stay).</summary>
        [Parameter]
        public SwitchParameter Private { get; set; }

        /// <summary>Product codes to add (they cannot be removed).</summary>
        [Parameter]
        [Alias("ProductCodes")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string[]? ProductCode { get; set; }

        /// <summary>The new description.</summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Description { get; set; }

        /// <summary>Emit each changed attribute after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (Public && Private)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.PublicAndPrivate, "-Public and -Private cannot be used together.", ImageId));
            }

            var change = new ImageAttributeChange
            {
                AddLaunchPermission = (AddLaunchPermission ?? new string[0]).Concat(Public ? new[] { "all" } : new string[0]).ToArray(),
                RemoveLaunchPermission = (RemoveLaunchPermission ?? new string[0]).Concat(Private ? new[] { "all" } : new string[0]).ToArray(),
                ProductCodes = ProductCode ?? new string[0],
                Description = Description,
            };
            IReadOnlyList<ImageAttributeName> changed = change.ChangedAttributes();
            if (changed.Count == 0)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.ImageAttributeChangeMissing, "Nothing to change: give -AddLaunchPermission, -RemoveLaunchPermission, -Public, -Private, -ProductCode or -Description.", ImageId));
            }

            var attributes = new ImageAttributes(CurrentConnection);
            foreach (string requested in ImageId)
            {
                if (!TryCheckId(ResourceIdPattern.Image, requested, out string id) || !ShouldProcess(id, "Change " + string.Join(", ", changed)))
                {
                    continue;
                }

                try
                {
                    RunEngine((progress, token) => attributes.ModifyAsync(id, change, token), id);
                    if (PassThru)
                    {
                        foreach (ImageAttributeName attribute in changed)
                        {
                            WriteObject(RunEngine((progress, token) => attributes.GetAsync(id, attribute, token), id));
                        }
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
