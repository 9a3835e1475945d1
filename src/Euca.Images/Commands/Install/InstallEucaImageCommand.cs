using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Workflows;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Install
{
    /// <summary>Bundles, uploads and registers an image in one command, as euca-install-image does.</summary>
    /// <remarks>
    /// <para>Turns an image file into a registered instance-store image: it is bundled and uploaded in one streamed
    /// pass (parts are uploaded from memory as they are made, so no part is ever written to disk), then registered, and
    /// with -Public shared with everyone. With -KernelPath and -RamdiskPath it installs a paravirtual set: the kernel
    /// as an EKI (NAME-kernel), the ramdisk as an ERI (NAME-ramdisk), then the machine image booting with them.
    /// Registering kernels and ramdisks needs a Eucalyptus administrator.</para>
    /// <para>Without -VirtualizationType the image is paravirtual when it boots a kernel image (-KernelId or
    /// -KernelPath) and HVM otherwise; the request is checked against Eucalyptus' registration rules before anything
    /// is uploaded. Keys and certificates come from the parameters or the connection, as for New-EucaBundle.</para>
    /// <para>The command is all or nothing: if a step fails or you press Ctrl+C, the images it registered are
    /// deregistered and the bundles it uploaded are removed (unless -KeepBundle), and the error says what was removed
    /// and what was left.</para>
    /// <para>A bundle that a registered image was registered from is never replaced: installing a file of the same
    /// name into the same bucket and -KeyPrefix as a registered image stops before uploading anything, with a
    /// BundleManifestInUse error naming that image, unless -Force. Give each install its own -KeyPrefix (a date or a
    /// build number) to keep older images bootable.</para>
    /// </remarks>
    /// <example>
    /// <title>Install an HVM image</title>
    /// <code>Install-EucaImage -Path ./centos7.raw -Name centos-7 -Bucket images -Architecture x86_64</code>
    /// <para>Emits the registered emi-... image.</para>
    /// </example>
    /// <example>
    /// <title>Install a paravirtual image on the cloud's kernel and share it</title>
    /// <code>Install-EucaImage -Path rootfs.img -KernelId eki-6e0f3b1d -RamdiskId eri-2c9a7d40 -Name centos-6-pv -Bucket images -Architecture x86_64 -Public</code>
    /// <para>Emits the EMI, booting a kernel and ramdisk already registered (Get-EucaImage -ImageType Kernel
    /// -ExecutableBy all lists them). A cloud administrator can install the kernel and ramdisk too, with -KernelPath
    /// vmlinuz -RamdiskPath initrd.img instead: that emits the EKI, the ERI and the EMI, in that order.</para>
    /// </example>
    /// <example>
    /// <title>Install a Windows image</title>
    /// <code>Install-EucaImage -Path windows-2012r2.img -Name windows-2012r2 -Bucket images -Architecture x86_64 -Platform windows</code>
    /// <para>Registers it as an HVM Windows image.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Bundles.NewEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.SendEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.NewEucaEbsImageCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsLifecycle.Install, "EucaImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ImageInfo))]
    public sealed class InstallEucaImageCommand : BundlingCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>
        /// The image file: a raw disk (HVM) or a root file system (paravirtual), or a VHD, VHDX, VMDK or QCOW2 disk
        /// (recognised by content), which is bundled as the raw disk it describes, without a raw copy on disk.
        /// Wildcards must match one file.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePath")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The image file, taken as it is (no wildcards); files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary>The image's name.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Name { get; set; }

        /// <summary>The bucket to upload the bundles to (created if missing).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketCompleter))]
        public string? Bucket { get; set; }

        /// <summary>A folder inside the bucket for the bundles' objects.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KeyPrefixCompleter))]
        public string? KeyPrefix { get; set; }

        /// <summary>The image's architecture.</summary>
        [Parameter(Mandatory = true)]
        [ValidateArchitecture(ArchitectureUse.Registration)]
        [ArgumentCompleter(typeof(RegistrationArchitectureCompleter))]
        public string? Architecture { get; set; }

        /// <summary>hvm or paravirtual; by default paravirtual when the image boots a kernel image, else hvm.</summary>
        [Parameter]
        [ValidateSet("hvm", "paravirtual")]
        public string? VirtualizationType { get; set; }

        /// <summary>windows for a Windows image.</summary>
        [Parameter]
        [ValidateSet("windows")]
        public string? Platform { get; set; }

        /// <summary>A description of the image.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Description { get; set; }

        /// <summary>An installed kernel image (eki-...) for a paravirtual image.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KernelIdCompleter))]
        public string? KernelId { get; set; }

        /// <summary>An installed ramdisk image (eri-...) for a paravirtual image.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RamdiskIdCompleter))]
        public string? RamdiskId { get; set; }

        /// <summary>A kernel file (vmlinuz) to install as an EKI first; the image then boots with it.</summary>
        [Parameter]
        public string? KernelPath { get; set; }

        /// <summary>A ramdisk file (initrd) to install as an ERI first; the image then boots with it.</summary>
        [Parameter]
        public string? RamdiskPath { get; set; }

        /// <summary>Let every account run the images (launch permission for group all).</summary>
        [Parameter]
        public SwitchParameter Public { get; set; }

        /// <summary>The canned ACL of the uploaded objects (default aws-exec-read, which the cloud needs to read them).</summary>
        [Parameter]
        [ValidateSet(BundleAcl.AwsExecRead, BundleAcl.PublicRead, BundleAcl.Ec2BundleRead)]
        public string Acl { get; set; } = BundleAcl.AwsExecRead;

        /// <summary>Keep the uploaded bundles if a later step fails (the images this command registered are still removed).</summary>
        [Parameter]
        public SwitchParameter KeepBundle { get; set; }

        /// <summary>Tags for the images, as @{ key = 'value' }, added right after it is registered (a failure to tag rolls the install back) (Eucalyptus takes no tags with the call that makes it).</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>Upload even where a registered image's bundle is stored (same bucket, key prefix and file name), replacing that bundle.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many parts may be pending in memory at once while uploading, the one being bundled included (default 4, 10 MiB each).</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int MaxPendingParts { get; set; } = BundleStreamUploader.DefaultMaxPendingParts;

        /// <inheritdoc />
        protected override void RequireSettings(CloudSettings settings) =>
            settings.Require(CloudSettingNames.ComputeUrl, CloudSettingNames.ObjectStorageUrl, CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (KernelPath is not null && KernelId is not null || RamdiskPath is not null && RamdiskId is not null)
            {
                throw new EucaException(ErrorIds.InstallKernelSourceConflict, EucaErrorCategory.InvalidArgument,
                    "Give either -KernelPath or -KernelId (and either -RamdiskPath or -RamdiskId), not both.", KernelPath ?? RamdiskPath);
            }

            string imagePath = ResolveSingleInputPath(Path, LiteralPath);
            if (!ShouldProcess(imagePath, $"Install image '{Name}' into bucket '{Bucket}'"))
            {
                return;
            }

            CloudConnection connection = CurrentConnection;
            connection.Settings.Require(CloudSettingNames.ObjectStorageUrl);
            ImageInstallRequest request = BuildRequest(imagePath);
            request.Target.ReplaceCheck = BundleReplaceGuard.For(this, connection, Force);
            IReadOnlyList<ImageInfo> images = RunUpload(request.Target.Journal, (progress, token) =>
                new ImageInstaller(connection).InstallAsync(request, progress, token), imagePath);
            WriteObject(images, enumerateCollection: true);
        }

        private ImageInstallRequest BuildRequest(string imagePath)
        {
            var machine = Signing.RequestFor(imagePath, new BundleImageProperties { Architecture = Architecture!, KernelId = KernelId, RamdiskId = RamdiskId });
            var target = new BundleUploadTarget(Bucket!) { KeyPrefix = KeyPrefix, Acl = Acl };
            return new ImageInstallRequest(Name!, machine, target)
            {
                Kernel = KernelPath is null ? null : BootFile(KernelPath, BundleImageType.Kernel),
                Ramdisk = RamdiskPath is null ? null : BootFile(RamdiskPath, BundleImageType.Ramdisk),
                Description = Description,
                VirtualizationType = VirtualizationType is null ? null : (VirtualizationKind?)Enum.Parse(typeof(VirtualizationKind), VirtualizationType, ignoreCase: true),
                Platform = Platform,
                Public = Public,
                KeepBundle = KeepBundle,
                MaxPendingParts = MaxPendingParts,
                Tags = TagArguments.From(Tag),
            };
        }

        private BundleCreateRequest BootFile(string path, BundleImageType type) =>
            Signing.RequestFor(ResolvePath(path), new BundleImageProperties { Architecture = Architecture!, ImageType = type });
    }
}
