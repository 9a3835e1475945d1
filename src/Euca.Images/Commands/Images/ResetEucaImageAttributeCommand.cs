using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Images.Attributes;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    /// <summary>Resets the launch permissions of images: they become private to their owner.</summary>
    /// <remarks>
    /// <para>LaunchPermission is the only attribute Eucalyptus resets: account permissions are removed and the group all
    /// too. Only the owner or an administrator may reset an image. -PassThru emits the launch permissions afterwards.
    /// Errors are per image.</para>
    /// </remarks>
    /// <example>
    /// <title>Stop sharing an image</title>
    /// <code>Reset-EucaImageAttribute -ImageId emi-5a6b7c8d -Attribute LaunchPermission</code>
    /// <para>Only the owner can run the image afterwards.</para>
    /// </example>
    /// <example>
    /// <title>Reset and check</title>
    /// <code>Get-EucaImage -Owner self | Reset-EucaImageAttribute -Attribute LaunchPermission -PassThru</code>
    /// <para>Shows the (empty) launch permissions of each image.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Images.EditEucaImageAttributeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageAttributeCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommon.Reset, "EucaImageAttribute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageAttributeInfo))]
    public sealed class ResetEucaImageAttributeCommand : EucaCloudCmdlet
    {
        /// <summary>The images to reset.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageIds", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageIdCompleter))]
        public string[] ImageId { get; set; } = new string[0];

        /// <summary>The attribute to reset: LaunchPermission (the only one Eucalyptus resets).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("LaunchPermission")]
        public string Attribute { get; set; } = "LaunchPermission";

        /// <summary>Emit the launch permissions after the reset.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var attributes = new ImageAttributes(CurrentConnection);
            foreach (string requested in ImageId)
            {
                if (!TryCheckId(ResourceIdPattern.Image, requested, out string id) || !ShouldProcess(id, "Reset launch permissions"))
                {
                    continue;
                }

                try
                {
                    RunEngine((progress, token) => attributes.ResetLaunchPermissionAsync(id, token), id);
                    if (PassThru)
                    {
                        WriteObject(RunEngine((progress, token) => attributes.GetAsync(id, ImageAttributeName.LaunchPermission, token), id));
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
