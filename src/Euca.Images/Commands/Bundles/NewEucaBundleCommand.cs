using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Bundles
{
    /// <summary>Bundles image files for instance-store images: tar, gzip, AES-128-CBC, 10 MiB parts and a signed manifest.</summary>
    /// <remarks>
    /// <para>Writes the bundle format euca2ools and ec2-ami-tools write and Eucalyptus registers: the image is
    /// tarred, compressed (on all cores), encrypted with a fresh AES-128 key, and split into parts; the key is wrapped for
    /// the cloud's certificate and for yours, and the manifest is signed with your private key. Memory use does not grow
    /// with the image size, and runs of zeros cost next to nothing.</para>
    /// <para>The account id, your certificate and private key, and the cloud's certificate come from the parameters,
    /// else from the connection (Connect-EucaCloud or the configuration files and environment); without a cloud
    /// certificate file, the cloud's bootstrap service is asked for it. Without a private key the manifest is UNSIGNED,
    /// which a cloud will not register; without your certificate you cannot unbundle the image yourself.</para>
    /// <para>Kernel and ramdisk bundles (-ImageType Kernel or Ramdisk) follow euca2ools' rules: no kernel, ramdisk or
    /// block device mapping options with them. The bundle object it emits pipes into later cmdlets. On failure or
    /// Ctrl+C, nothing of the bundle is left behind.</para>
    /// <para>With -Bucket it bundles and uploads in one pass, like euca-bundle-and-upload-image: the parts never touch
    /// the local disk unless -KeepBundle is given. Each part is uploaded from memory (verified against its MD5, with
    /// retries) as soon as it is complete; at most -MaxPendingParts parts (default 4, the one being bundled included,
    /// 10 MiB each) are held at once, and bundling waits when uploads fall behind. The manifest is uploaded last, so an
    /// interrupted run never leaves a manifest pointing at missing parts, and a stored bundle that a registered image
    /// uses is not replaced unless -Force (BundleManifestInUse). This was chosen over streaming between
    /// New-EucaBundle and Send-EucaBundle because a part must stay rewindable until it is stored, for retries. It
    /// emits the upload object (ManifestLocation) instead of the bundle object.</para>
    /// </remarks>
    /// <example>
    /// <title>Bundle a disk image</title>
    /// <code>New-EucaBundle -Path ./centos7.img -Architecture x86_64 -Destination ./bundles</code>
    /// <para>Writes centos7.img.manifest.xml and centos7.img.part.NN files into ./bundles.</para>
    /// </example>
    /// <example>
    /// <title>Bundle and upload in one pass</title>
    /// <code>New-EucaBundle -Path ./centos7.img -Architecture x86_64 -Bucket images -KeyPrefix centos</code>
    /// <para>Each part is uploaded as soon as it is bundled and then deleted; the manifest goes last. Emits the upload object.</para>
    /// </example>
    /// <example>
    /// <title>Bundle a kernel and a ramdisk</title>
    /// <code>New-EucaBundle -Path vmlinuz-5.10 -Architecture x86_64 -ImageType Kernel; New-EucaBundle -Path initrd-5.10 -Architecture x86_64 -ImageType Ramdisk</code>
    /// <para>Each goes into a new folder under the temporary directory for large files.</para>
    /// </example>
    /// <example>
    /// <title>Bundle every image in a folder with explicit keys</title>
    /// <code>Get-ChildItem *.img | New-EucaBundle -Architecture x86_64 -AccountId 123456789012 -Certificate cert.pem -PrivateKey pk.pem -CloudCertificate cloud-cert.pem</code>
    /// <para>Files bind from the pipeline; no connection to the cloud is needed when every key file is given.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Bundles.TestEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.SendEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.ExpandEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.InstallEucaImageCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsCommon.New, "EucaBundle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(BundleInfo), ParameterSetName = new[] { PathSet, LiteralPathSet })]
    [OutputType(typeof(BundleUpload), ParameterSetName = new[] { PathUploadSet, LiteralPathUploadSet })]
    public sealed class NewEucaBundleCommand : BundlingCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string PathUploadSet = "PathUpload";
        private const string LiteralPathUploadSet = "LiteralPathUpload";

        /// <summary>
        /// The image files to bundle; wildcards are expanded. Raw disks, and VHD, VHDX, VMDK and QCOW2 images
        /// (recognised by content), which are bundled as the raw disk they describe.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathUploadSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>The image files to bundle, taken literally; files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathUploadSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        /// <summary>The image's architecture.</summary>
        [Parameter(Mandatory = true)]
        [ValidateArchitecture(ArchitectureUse.Bundling)]
        [ArgumentCompleter(typeof(BundlingArchitectureCompleter))]
        [Alias("Arch")]
        public string? Architecture { get; set; }

        /// <summary>The folder for the parts and manifest; created if missing. By default, a new folder under the temporary directory for large files ($TMPDIR, else /var/tmp).</summary>
        [Parameter]
        public string? Destination { get; set; }

        /// <summary>The bundle name (file name prefix and unbundled file name). By default, the image's file name.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Prefix { get; set; }

        /// <summary>Machine (the default), Kernel or Ramdisk.</summary>
        // A string, not the engine's enum: a value-type field of an engine type would make PowerShell load the engine
        // while it scans the module, before the module's load context exists.
        [Parameter]
        [ValidateSet("Machine", "Kernel", "Ramdisk")]
        public string? ImageType { get; set; }

        /// <summary>The kernel image (eki-...) a paravirtual machine image boots with; true marks a kernel bundle, as euca2ools' --kernel true.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KernelIdCompleter))]
        public string? KernelId { get; set; }

        /// <summary>The ramdisk image (eri-...) a paravirtual machine image boots with; true marks a ramdisk bundle.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RamdiskIdCompleter))]
        public string? RamdiskId { get; set; }

        /// <summary>Block device mappings of a machine image as virtual name to device, for example @{ ami = 'sda1'; root = '/dev/sda1'; ephemeral0 = 'sdb' }.</summary>
        [Parameter]
        public Hashtable? BlockDeviceMapping { get; set; }

        /// <summary>Product codes of a machine image.</summary>
        [Parameter]
        [Alias("ProductCodes")]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string[]? ProductCode { get; set; }

        /// <summary>The part size in bytes (default 10 MiB, as every bundler writes).</summary>
        [Parameter]
        [ValidateRange(1024, long.MaxValue)]
        public long PartSize { get; set; } = Engine.Bundling.Payload.PayloadWriteOptions.DefaultPartSize;

        /// <summary>Replace a bundle of the same name in the destination; with -Bucket, also replace a stored bundle that a registered image was registered from.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Upload each part to this bucket as it is bundled (created if missing), then the manifest; see the description.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathUploadSet)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathUploadSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketCompleter))]
        public string? Bucket { get; set; }

        /// <summary>With -Bucket: a folder inside the bucket for the bundle's objects.</summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        [ArgumentCompleter(typeof(KeyPrefixCompleter))]
        public string? KeyPrefix { get; set; }

        /// <summary>With -Bucket: the canned ACL of every object (default aws-exec-read).</summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        [ValidateSet(BundleAcl.AwsExecRead, BundleAcl.PublicRead, BundleAcl.Ec2BundleRead)]
        public string Acl { get; set; } = BundleAcl.AwsExecRead;

        /// <summary>With -Bucket: the location constraint for a bucket that has to be created.</summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Location { get; set; }

        /// <summary>
        /// With -Bucket: how many parts may be pending in memory at once, the one being bundled included (default 4;
        /// euca2ools' --max-pending-parts). Each takes the part size of memory, at most 512 MiB in all.
        /// </summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        [ValidateRange(1, 32)]
        public int MaxPendingParts { get; set; } = BundleStreamUploader.DefaultMaxPendingParts;

        /// <summary>With -Bucket: keep the local parts and manifest after they are uploaded.</summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        public SwitchParameter KeepBundle { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            foreach (string imagePath in ResolveImagePaths())
            {
                if (!ShouldProcess(imagePath, "Bundle image"))
                {
                    continue;
                }

                BundleCreateRequest request = RequestFor(imagePath);
                try
                {
                    if (Bucket is null)
                    {
                        BundleInfo bundle = RunEngine((progress, token) => BundleCreator.CreateAsync(request, progress, token), imagePath);
                        WriteObject(bundle);
                    }
                    else
                    {
                        WriteObject(BundleAndUpload(request, imagePath));
                    }
                }
                catch (EngineFailure failure)
                {
                    // One bad image must not stop the rest of a pipeline.
                    WriteError(failure.ErrorRecord);
                }
            }
        }

        private BundleUpload BundleAndUpload(BundleCreateRequest request, string imagePath)
        {
            CloudConnection connection = CurrentConnection;
            connection.Settings.Require(CloudSettingNames.ObjectStorageUrl);
            var target = new BundleUploadTarget(Bucket!)
            {
                KeyPrefix = KeyPrefix, Acl = Acl, Location = Location,
                ReplaceCheck = BundleReplaceGuard.For(this, connection, Force),
            };
            return RunUpload(target.Journal, (progress, token) =>
                BundleStreamUploader.CreateAndSendAsync(connection, new BundleCreateAndSendRequest(request, target, MaxPendingParts, KeepBundle), progress, token), imagePath);
        }

        /// <inheritdoc />
        protected override void RequireSettings(CloudSettings settings)
        {
            if (Bucket is null)
            {
                base.RequireSettings(settings);
            }
            else
            {
                settings.Require(CloudSettingNames.ObjectStorageUrl, CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);
            }
        }

        private IEnumerable<string> ResolveImagePaths()
        {
            if (LiteralPath is not null)
            {
                return LiteralPath!.Select(path => ResolvePath(path));
            }

            var resolved = new List<string>();
            foreach (string path in Path!)
            {
                try
                {
                    Collection<string> found = GetResolvedProviderPathFromPSPath(path, out _);
                    if (found.Count == 0)
                    {
                        throw NoFileMatches(path);
                    }

                    resolved.AddRange(found);
                }
                catch (ItemNotFoundException)
                {
                    throw new EucaException(ErrorIds.ImageNotFound, EucaErrorCategory.ObjectNotFound, $"The image file '{path}' does not exist.", path);
                }
            }

            return resolved;
        }

        private BundleCreateRequest RequestFor(string imagePath)
        {
            var properties = new BundleImageProperties
            {
                Architecture = Architecture!,
                ImageType = ImageType is null ? null : (BundleImageType?)Enum.Parse(typeof(BundleImageType), ImageType, ignoreCase: true),
                KernelId = KernelId,
                RamdiskId = RamdiskId,
                BlockDeviceMappings = ToMappings(BlockDeviceMapping),
                ProductCodes = ProductCode?.ToList() ?? new List<string>(),
            };

            BundleCreateRequest request = Signing.RequestFor(imagePath, properties);
            request.Destination = Destination is null ? null : ResolvePath(Destination);
            request.Prefix = Prefix;
            request.PartSize = PartSize;
            request.Force = Force;
            return request;
        }

        private static IList<BlockDeviceMapping> ToMappings(Hashtable? table) =>
            table is null
                ? new List<BlockDeviceMapping>()
                : table.Cast<DictionaryEntry>()
                    .Select(entry => new BlockDeviceMapping(entry.Key.ToString()!, LanguagePrimitives.ConvertTo<string>(entry.Value)))
                    .ToList();
    }
}
