using System;
using System.Collections;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Commands.Import;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Workflows;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Install
{
    /// <summary>Makes a disk (raw, VHD, VHDX, VMDK or QCOW2) into a registered EBS-backed HVM image in one command.</summary>
    /// <remarks>
    /// <para>Runs the image guide's "import volume" route end to end: uploads the disk in 10 MiB parts with an import
    /// manifest and calls ImportVolume, waits while the cloud converts it into a volume, snapshots the volume and waits
    /// for the snapshot, registers an HVM image with the snapshot as its root device (/dev/sda, Eucalyptus' default),
    /// and finally deletes the intermediate volume and the uploaded parts unless -KeepVolume or -KeepDiskImage. Each
    /// stage shows progress. EBS-backed images are always HVM on Eucalyptus.</para>
    /// <para>Failures are not rolled back, because an imported volume or a snapshot costs far more to make again than
    /// to keep: the error says which stage failed, what exists now (conversion task and parts, volume, snapshot), and
    /// the command that resumes (Resume-EucaImport, Register-EucaImage -SnapshotId) or cleans up
    /// (Stop-EucaConversionTask -RemoveDiskImage). For instance-store images use Install-EucaImage.</para>
    /// </remarks>
    /// <example>
    /// <title>Make an EBS-backed image from a raw disk</title>
    /// <code>New-EucaEbsImage -Path ./centos7.raw -Name centos-7-ebs -AvailabilityZone one -Bucket imports</code>
    /// <para>Emits the registered image, whose root device is a snapshot of the imported disk.</para>
    /// </example>
    /// <example>
    /// <title>Make an EBS-backed image straight from a KVM disk</title>
    /// <code>New-EucaEbsImage -Path ./debian.qcow2 -Name debian-12-ebs -AvailabilityZone one -Bucket imports</code>
    /// <para>The QCOW2 is uploaded as the raw disk it describes, read on the fly; no raw copy is written.</para>
    /// </example>
    /// <example>
    /// <title>Keep the volume for inspection and share the image</title>
    /// <code>New-EucaEbsImage -Path ./win2012.raw -Name win2012-ebs -AvailabilityZone one -Bucket imports -Platform windows -KeepVolume -Public</code>
    /// <para>Registers a Windows image for everyone and leaves the volume it was snapshotted from.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Import.ImportEucaVolumeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Snapshots.NewEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.InstallEucaImageCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsCommon.New, "EucaEbsImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ImageInfo))]
    public sealed class NewEucaEbsImageCommand : ImportDiskCommandBase
    {
        /// <summary>The image's name.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Name { get; set; }

        /// <summary>The availability zone the disk is imported into.</summary>
        [Parameter(Mandatory = true)]
        [Alias("Zone")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AvailabilityZoneCompleter))]
        public string? AvailabilityZone { get; set; }

        /// <summary>The image's architecture (default x86_64).</summary>
        [Parameter]
        [ValidateArchitecture(ArchitectureUse.Registration)]
        [ArgumentCompleter(typeof(RegistrationArchitectureCompleter))]
        public string Architecture { get; set; } = "x86_64";

        /// <summary>windows for a Windows image.</summary>
        [Parameter]
        [ValidateSet("windows")]
        public string? Platform { get; set; }

        /// <summary>Let every account run the image (launch permission for group all).</summary>
        [Parameter]
        public SwitchParameter Public { get; set; }

        /// <summary>Tags for the image and the snapshot it boots from, as @{ key = 'value' }, added right after the image is registered (Eucalyptus takes no tags with the call that makes it).</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>Keep the volume the disk was imported into.</summary>
        [Parameter]
        public SwitchParameter KeepVolume { get; set; }

        /// <summary>Keep the uploaded disk image parts and import manifest in the bucket.</summary>
        [Parameter]
        public SwitchParameter KeepDiskImage { get; set; }

        /// <summary>How long each of the conversion and the snapshot may take, in seconds (default 10800).</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        public int TimeoutSeconds { get; set; } = 10800;

        /// <summary>Seconds between two polls of the conversion task and of the snapshot (default 5).</summary>
        [Parameter]
        [ValidateRange(0.1, 3600.0)]
        public double PollSeconds { get; set; } = 5;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            string path = ResolvedPath();
            if (!ShouldProcess(path, $"Import into {AvailabilityZone} through bucket {Bucket}, snapshot, and register as EBS image '{Name}'"))
            {
                return;
            }

            var import = new VolumeImportRequest(path, Bucket!, AvailabilityZone!);
            Fill(import);
            var request = new EbsImageRequest(Name!, import)
            {
                Architecture = Architecture,
                Description = Description,
                Platform = Platform,
                Public = Public,
                KeepVolume = KeepVolume,
                KeepDiskImage = KeepDiskImage,
                ConversionTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
                SnapshotTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
                PollInterval = TimeSpan.FromSeconds(PollSeconds),
                Tags = TagArguments.From(Tag),
            };

            var installer = new EbsImageInstaller(CurrentConnection);
            WriteObject(RunReportingWhenStopped($"Making EBS image '{Name}' was stopped.", request.Journal.Describe,
                (progress, token) => installer.InstallAsync(request, progress, token), path));
        }
    }
}
