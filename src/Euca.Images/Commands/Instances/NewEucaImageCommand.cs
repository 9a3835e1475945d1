using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Instances;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Instances
{
    /// <summary>Creates an EBS-backed image (EMI) from an EBS-backed instance (CreateImage).</summary>
    /// <remarks>
    /// <para>Eucalyptus snapshots every volume of the instance and registers an image from the snapshots. It creates
    /// images only from instances that boot from an EBS volume and are running or stopped; the instance is checked
    /// first, and an instance-store instance fails with the error id InstanceNotEbsBacked: bundle such an instance
    /// with New-EucaInstanceBundle and register the bundle with Register-EucaImage instead.</para>
    /// <para>The new image is returned as the cloud describes it right after creation: normally pending, until the
    /// snapshots are complete. A running instance is rebooted so its file systems are consistent, unless
    /// -NoReboot is given.</para>
    /// </remarks>
    /// <example>
    /// <title>Image a stopped web server</title>
    /// <code>New-EucaImage -InstanceId i-0e1b2c3d -Name web-2024-03 -Description 'web tier, March build'</code>
    /// <para>Returns the new pending image; Get-EucaImage shows it available once its snapshots are done.</para>
    /// </example>
    /// <example>
    /// <title>Image a running instance without rebooting it, adding an ephemeral disk</title>
    /// <code>New-EucaImage i-0e1b2c3d -Name web-hot -NoReboot -BlockDeviceMapping @{ DeviceName = '/dev/sdb'; VirtualName = 'ephemeral0' }</code>
    /// <para>The image also maps /dev/sdb to the first ephemeral disk of instances started from it.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Images.WaitEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Instances.NewEucaInstanceBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommon.New, "EucaImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageInfo))]
    public sealed class NewEucaImageCommand : EucaCloudCmdlet
    {
        /// <summary>The EBS-backed instance (running or stopped) to image.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(InstanceIdCompleter))]
        public string InstanceId { get; set; } = string.Empty;

        /// <summary>The image name: 3 to 128 letters, digits and ( ) . - / _, unique among your images.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>A description of up to 255 characters.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Description { get; set; }

        /// <summary>Do not reboot a running instance before its volumes are snapshotted (its file systems may then be inconsistent).</summary>
        [Parameter]
        public SwitchParameter NoReboot { get; set; }

        /// <summary>Extra device mappings for the image, as objects or hashtables with DeviceName and VirtualName (ephemeral0-3), SnapshotId/VolumeSizeGiB/DeleteOnTermination (EBS) or NoDevice.</summary>
        [Parameter]
        public ImageBlockDeviceMapping[]? BlockDeviceMapping { get; set; }

        /// <summary>Tags for the image, as @{ key = 'value' }, added right after it is created (Eucalyptus takes no tags with the call that makes it).</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (!ShouldProcess(InstanceId, $"Create image '{Name}'"))
            {
                return;
            }

            var request = new ImageFromInstanceRequest
            {
                InstanceId = InstanceId,
                Name = Name,
                Description = Description,
                NoReboot = NoReboot.IsPresent,
                BlockDeviceMappings = BlockDeviceMapping ?? new ImageBlockDeviceMapping[0],
            };
            CloudConnection connection = CurrentConnection;
            IReadOnlyDictionary<string, string> tags = TagArguments.From(Tag);
            var creator = new InstanceImageCreator(connection);
            ImageInfo image = RunEngine(async (progress, token) =>
            {
                ImageInfo created = await creator.CreateImageAsync(request, token).ConfigureAwait(false);
                return await TagArguments.TagNewAsync(connection, created, created.ImageId, tags, token).ConfigureAwait(false);
            }, InstanceId);
            image.Tags = tags.Count > 0 ? tags : image.Tags;
            WriteObject(image);
        }
    }
}
