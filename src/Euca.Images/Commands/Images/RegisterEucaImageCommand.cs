using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Registration;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    /// <summary>Registers an uploaded bundle or an EBS root snapshot as a machine image (EMI).</summary>
    /// <remarks>
    /// <para>Instance-store images come from a bundle in object storage: give -ImageLocation BUCKET/PREFIX.manifest.xml
    /// (it also binds from the ManifestLocation property of piped objects). EBS-backed images come from a snapshot of
    /// the root volume: give -SnapshotId, optionally -RootDeviceName (Eucalyptus' default is /dev/sda) and more
    /// -BlockDeviceMapping entries.</para>
    /// <para>The request is checked before anything is sent, with the rules Eucalyptus applies: a paravirtual image needs a
    /// kernel and a ramdisk, EBS-backed images are HVM, device names are whole disks such as /dev/sdb (/dev/sda1 is
    /// registered as /dev/sda, with a warning, as Eucalyptus does), and only one ephemeral disk is allowed. Block device
    /// mappings are euca2ools strings (DEV=ephemeralN, DEV=none, DEV=snap-ID:GiB:true|false:TYPE[:IOPS]) or hashtables.</para>
    /// <para>The registered image is described and returned; a new image is usually pending for a short while (see
    /// Wait-EucaImage). Kernels and ramdisks are detected from the manifest and may only be registered by administrators.</para>
    /// </remarks>
    /// <example>
    /// <title>Register an uploaded bundle</title>
    /// <code>Register-EucaImage -Name centos-7-hvm -ImageLocation images/centos7.img.manifest.xml -VirtualizationType hvm</code>
    /// <para>Registers the bundle as an instance-store HVM image and shows it.</para>
    /// </example>
    /// <example>
    /// <title>Register an EBS-backed image with an ephemeral disk</title>
    /// <code>Register-EucaImage -Name web-ebs -SnapshotId snap-3e1d2c4b -BlockDeviceMapping '/dev/sdb=ephemeral0', @{ DeviceName = '/dev/sdc'; VolumeSize = 20; DeleteOnTermination = $true }</code>
    /// <para>The snapshot becomes the root volume /dev/sda; /dev/sdb is an ephemeral disk and /dev/sdc a new 20 GiB volume.</para>
    /// </example>
    /// <example>
    /// <title>Register a paravirtual image and wait for it</title>
    /// <code>Register-EucaImage -Name centos-6-pv -ImageLocation images/rootfs.img.manifest.xml -VirtualizationType paravirtual -KernelId eki-6e0f3b1d -RamdiskId eri-2c9a7d40 | Wait-EucaImage -State available</code>
    /// <para>Tab completion offers registered kernels for -KernelId and ramdisks for -RamdiskId.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Storage.SendEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.InstallEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.WaitEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsLifecycle.Register, "EucaImage", DefaultParameterSetName = InstanceStoreSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageInfo))]
    public sealed class RegisterEucaImageCommand : EucaCloudCmdlet
    {
        private const string InstanceStoreSet = "InstanceStore";
        private const string EbsSet = "Ebs";

        /// <summary>The image name: 3 to 128 letters, digits and ( ) . / _ -. Binds from a piped object's Name, or from
        /// a script block run for each piped object, for example -Name { "web-$($_.Prefix)" }.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>The uploaded bundle's manifest, BUCKET/PREFIX.manifest.xml (instance-store images).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = InstanceStoreSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ManifestLocation", "Manifest")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string ImageLocation { get; set; } = string.Empty;

        /// <summary>The snapshot of the root volume (EBS-backed images).</summary>
        [Parameter(Mandatory = true, ParameterSetName = EbsSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        public string SnapshotId { get; set; } = string.Empty;

        /// <summary>The root device of an EBS-backed image; Eucalyptus' default is /dev/sda.</summary>
        [Parameter(ParameterSetName = EbsSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? RootDeviceName { get; set; }

        /// <summary>Block device mappings: euca2ools strings (DEV=ephemeralN, DEV=none, DEV=snap-ID:GiB:true|false:TYPE[:IOPS]) or hashtables with DeviceName and VirtualName, NoDevice or SnapshotId, VolumeSize, DeleteOnTermination, VolumeType, Iops.</summary>
        [Parameter]
        [Alias("BlockDeviceMappings")]
        [ValidateNotNull]
        public object[]? BlockDeviceMapping { get; set; }

        /// <summary>A description of at most 255 characters.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Description { get; set; }

        /// <summary>The architecture: i386, x86_64 or armhf. Instance-store images default to the manifest's.</summary>
        [Parameter]
        [ValidateArchitecture(ArchitectureUse.Registration)]
        [ArgumentCompleter(typeof(RegistrationArchitectureCompleter))]
        public string? Architecture { get; set; }

        /// <summary>hvm or paravirtual. Paravirtual images need -KernelId and -RamdiskId; EBS-backed images are HVM.</summary>
        [Parameter]
        [ValidateSet("hvm", "paravirtual")]
        public string? VirtualizationType { get; set; }

        /// <summary>The kernel (eki-…) of a paravirtual image, or windows for a Windows image.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KernelIdCompleter))]
        public string? KernelId { get; set; }

        /// <summary>The ramdisk (eri-…) of a paravirtual image.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RamdiskIdCompleter))]
        public string? RamdiskId { get; set; }

        /// <summary>windows marks a Windows image (a Eucalyptus extension of RegisterImage).</summary>
        [Parameter]
        [ValidateSet("windows")]
        public string? Platform { get; set; }

        /// <summary>Tags for the image, as @{ key = 'value' }, added right after it is registered (Eucalyptus takes no tags with the call that makes it).</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var request = new ImageRegistrationRequest
            {
                Name = Name,
                ImageLocation = ParameterSetName == InstanceStoreSet ? ImageLocation : null,
                SnapshotId = ParameterSetName == EbsSet ? SnapshotId : null,
                RootDeviceName = RootDeviceName,
                BlockDeviceMappings = (BlockDeviceMapping ?? new object[0]).Select(BlockDeviceMappingArgument.Convert).ToArray(),
                Description = Description,
                Architecture = Architecture,
                KernelId = KernelId,
                RamdiskId = RamdiskId,
                Platform = Platform,
            };
            if (VirtualizationType != null)
            {
                request.VirtualizationType = VirtualizationType == "paravirtual" ? VirtualizationKind.Paravirtual : VirtualizationKind.Hvm;
            }

            ImageRegistrationPlan plan = ImageRegistrationRules.Check(request);
            foreach (string adjustment in plan.Adjustments)
            {
                WriteWarning(adjustment);
            }

            string source = plan.Request.ImageLocation ?? plan.Request.SnapshotId ?? "block device mappings";
            if (!ShouldProcess($"{Name} from {source}", "Register image"))
            {
                return;
            }

            CloudConnection connection = CurrentConnection;
            IReadOnlyDictionary<string, string> tags = TagArguments.From(Tag);
            var registration = new ImageRegistration(connection);
            ImageInfo image = RunEngine(async (progress, token) =>
            {
                ImageInfo registered = await registration.RegisterAsync(plan, token).ConfigureAwait(false);
                return await TagArguments.TagNewAsync(connection, registered, registered.ImageId, tags, token).ConfigureAwait(false);
            }, Name);
            image.Tags = tags.Count > 0 ? tags : image.Tags;
            WriteObject(image);
        }
    }
}
