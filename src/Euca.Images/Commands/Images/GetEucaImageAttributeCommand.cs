using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Images.Attributes;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    /// <summary>Gets one attribute of images: launch permissions, product codes, description, kernel, ramdisk or block device mappings.</summary>
    /// <remarks>
    /// <para>Eucalyptus answers only the image's owner and administrators. LaunchPermission lists the account ids that may
    /// run the image and the group all when it is public (IsPublic). BlockDeviceMapping of an instance-store image is
    /// Eucalyptus' fixed legacy list (emi, ephemeral0, swap, root). Errors are per image.</para>
    /// </remarks>
    /// <example>
    /// <title>Who may run an image</title>
    /// <code>Get-EucaImageAttribute -ImageId emi-5a6b7c8d -Attribute LaunchPermission | Select-Object -ExpandProperty LaunchPermissions</code>
    /// <para>One entry per account id, plus group all for a public image.</para>
    /// </example>
    /// <example>
    /// <title>Kernels of your paravirtual images</title>
    /// <code>Get-EucaImage -Owner self -Filter @{ 'virtualization-type' = 'paravirtual' } | Get-EucaImageAttribute -Attribute Kernel</code>
    /// <para>Ids bind from the pipeline.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Images.EditEucaImageAttributeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.ResetEucaImageAttributeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommon.Get, "EucaImageAttribute")]
    [OutputType(typeof(ImageAttributeInfo))]
    public sealed class GetEucaImageAttributeCommand : EucaCloudCmdlet
    {
        /// <summary>The images to describe.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageIds", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageIdCompleter))]
        public string[] ImageId { get; set; } = new string[0];

        /// <summary>The attribute: LaunchPermission, ProductCodes, Description, Kernel, Ramdisk or BlockDeviceMapping.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("LaunchPermission", "ProductCodes", "Description", "Kernel", "Ramdisk", "BlockDeviceMapping")]
        public string Attribute { get; set; } = "LaunchPermission";

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var attributes = new ImageAttributes(CurrentConnection);
            string attribute = Attribute;
            foreach (string id in ImageId)
            {
                try
                {
                    WriteObject(RunEngine((progress, token) => attributes.GetAsync(id, ParseName(attribute), token), id));
                }
                catch (EngineFailure failure)
                {
                    WriteError(failure.ErrorRecord);
                }
            }
        }

        internal static ImageAttributeName ParseName(string attribute) => (ImageAttributeName)Enum.Parse(typeof(ImageAttributeName), attribute, ignoreCase: true);
    }
}
