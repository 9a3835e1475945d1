using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Arguments;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Crypto;
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
    /// <para>With -Bucket it bundles and uploads in one pass, like euca-bundle-and-upload-image: the bundle never has
    /// to fit on disk. Each part is uploaded (verified against its MD5, with retries) as soon as it is complete and
    /// deleted afterwards unless -KeepBundle is given; at most -MaxPartsOnDisk parts (default 2, the one being written
    /// included) exist locally, and bundling waits when uploads fall behind. The manifest is uploaded last, so an
    /// interrupted run never leaves a manifest pointing at missing parts. This was chosen over streaming between
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
    [Cmdlet(VerbsCommon.New, "EucaBundle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(BundleInfo), ParameterSetName = new[] { PathSet, LiteralPathSet })]
    [OutputType(typeof(BundleUpload), ParameterSetName = new[] { PathUploadSet, LiteralPathUploadSet })]
    public sealed class NewEucaBundleCommand : EucaCloudCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string PathUploadSet = "PathUpload";
        private const string LiteralPathUploadSet = "LiteralPathUpload";

        /// <summary>The image files to bundle; wildcards are expanded.</summary>
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
        [ValidateSet("i386", "x86_64", "armhf", "ppc", "ppc64", "ppc64le")]
        [Alias("Arch")]
        public string? Architecture { get; set; }

        /// <summary>The folder for the parts and manifest; created if missing. By default, a new folder under the temporary directory for large files ($TMPDIR, else /var/tmp).</summary>
        [Parameter]
        public string? Destination { get; set; }

        /// <summary>The bundle name (file name prefix and unbundled file name). By default, the image's file name.</summary>
        [Parameter]
        public string? Prefix { get; set; }

        /// <summary>Machine (the default), Kernel or Ramdisk.</summary>
        // A string, not the engine's enum: a value-type field of an engine type would make PowerShell load the engine
        // while it scans the module, before the module's load context exists.
        [Parameter]
        [ValidateSet("Machine", "Kernel", "Ramdisk")]
        public string? ImageType { get; set; }

        /// <summary>The kernel image (eki-...) a paravirtual machine image boots with; true marks a kernel bundle, as euca2ools' --kernel true.</summary>
        [Parameter]
        public string? KernelId { get; set; }

        /// <summary>The ramdisk image (eri-...) a paravirtual machine image boots with; true marks a ramdisk bundle.</summary>
        [Parameter]
        public string? RamdiskId { get; set; }

        /// <summary>Block device mappings of a machine image as virtual name to device, for example @{ ami = 'sda1'; root = '/dev/sda1'; ephemeral0 = 'sdb' }.</summary>
        [Parameter]
        public Hashtable? BlockDeviceMapping { get; set; }

        /// <summary>Product codes of a machine image.</summary>
        [Parameter]
        [Alias("ProductCodes")]
        public string[]? ProductCode { get; set; }

        /// <summary>The part size in bytes (default 10 MiB, as every bundler writes).</summary>
        [Parameter]
        [ValidateRange(1024, long.MaxValue)]
        public long PartSize { get; set; } = Engine.Bundling.Payload.PayloadWriteOptions.DefaultPartSize;

        /// <summary>The 12-digit account id that will own the image (dashes are removed).</summary>
        [Parameter]
        [Alias("UserId")]
        public string? AccountId { get; set; }

        /// <summary>Your X.509 certificate (path or object), so you can unbundle the image later.</summary>
        [Parameter]
        public CertificateArgument? Certificate { get; set; }

        /// <summary>Your private key file (PEM or DER, PKCS#1 or PKCS#8, possibly encrypted), which signs the manifest.</summary>
        [Parameter]
        public string? PrivateKey { get; set; }

        /// <summary>The password of an encrypted private key; without it you are prompted.</summary>
        [Parameter]
        public SecureString? PrivateKeyPassword { get; set; }

        /// <summary>The cloud's image-bundling certificate (path or object). Without it, the connection's or the bootstrap service's is used.</summary>
        [Parameter]
        [Alias("Ec2Certificate")]
        public CertificateArgument? CloudCertificate { get; set; }

        /// <summary>Replace a bundle of the same name in the destination.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Upload each part to this bucket as it is bundled (created if missing), then the manifest; see the description.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathUploadSet)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathUploadSet)]
        [ValidateNotNullOrEmpty]
        public string? Bucket { get; set; }

        /// <summary>With -Bucket: a folder inside the bucket for the bundle's objects.</summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        public string? KeyPrefix { get; set; }

        /// <summary>With -Bucket: the canned ACL of every object (default aws-exec-read).</summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        [ValidateSet(BundleAcl.AwsExecRead, BundleAcl.PublicRead, BundleAcl.Ec2BundleRead)]
        public string Acl { get; set; } = BundleAcl.AwsExecRead;

        /// <summary>With -Bucket: the location constraint for a bucket that has to be created.</summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        public string? Location { get; set; }

        /// <summary>With -Bucket: how many parts may be on disk at once, the one being written included (default 2).</summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        [ValidateRange(1, 64)]
        public int MaxPartsOnDisk { get; set; } = BundleStreamUploader.DefaultMaxPartsOnDisk;

        /// <summary>With -Bucket: keep the local parts and manifest after they are uploaded.</summary>
        [Parameter(ParameterSetName = PathUploadSet)]
        [Parameter(ParameterSetName = LiteralPathUploadSet)]
        public SwitchParameter KeepBundle { get; set; }

        /// <summary>A fixed AES key as 32 hex characters, for reproducible test bundles only (euca2ools' --enc-key).</summary>
        [Parameter(DontShow = true)]
        public string? EncryptionKey { get; set; }

        /// <summary>A fixed AES IV as 32 hex characters, for reproducible test bundles only (euca2ools' --enc-iv).</summary>
        [Parameter(DontShow = true)]
        public string? EncryptionIV { get; set; }

        private BundleInputs? _inputs;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            ProcessRecordSafely(() =>
            {
                foreach (string imagePath in ResolveImagePaths())
                {
                    if (!ShouldProcess(imagePath, "Bundle image"))
                    {
                        continue;
                    }

                    _inputs ??= ResolveInputs();
                    BundleCreateRequest request = _inputs.RequestFor(imagePath, this);
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
            });
        }

        private BundleUpload BundleAndUpload(BundleCreateRequest request, string imagePath)
        {
            CloudConnection connection = CurrentConnection;
            connection.Settings.Require(CloudSettingNames.ObjectStorageUrl);
            var target = new BundleUploadTarget(Bucket!) { KeyPrefix = KeyPrefix, Acl = Acl, Location = Location };
            try
            {
                return RunEngine((progress, token) =>
                    BundleStreamUploader.CreateAndSendAsync(connection, request, target, MaxPartsOnDisk, KeepBundle, progress, token), imagePath);
            }
            catch (PipelineStoppedException)
            {
                string report = "Bundling and upload were stopped. " + target.Journal.Describe();
                try
                {
                    WriteWarning(report);
                }
                catch (PipelineStoppedException)
                {
                    Host?.UI?.WriteWarningLine(report);
                }

                throw;
            }
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
            if (ParameterSetName == LiteralPathSet)
            {
                return LiteralPath!.Select(path => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
            }

            var resolved = new List<string>();
            foreach (string path in Path!)
            {
                try
                {
                    resolved.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
                }
                catch (ItemNotFoundException)
                {
                    throw new EucaException("ImageNotFound", EucaErrorCategory.ObjectNotFound, $"The image file '{path}' does not exist.", path);
                }
            }

            return resolved;
        }

        /// <summary>Keys and certificates are loaded once for all images of the invocation.</summary>
        private BundleInputs ResolveInputs()
        {
            CloudSettings settings = AvailableSettings;
            var keys = new KeyMaterialResolver(this);

            string? accountId = AccountId ?? settings.AccountId;
            if (string.IsNullOrEmpty(accountId))
            {
                throw new EucaException("BundleAccountIdMissing", EucaErrorCategory.InvalidArgument,
                    "Bundling needs the 12-digit account id that will own the image. Pass -AccountId, or set it with Connect-EucaCloud -AccountId, " +
                    "EC2_USER_ID, or account-id in your euca2ools user section. Looked in: " +
                    string.Join("; ", settings.PlacesSearched(CloudSettingNames.AccountId)) + ".", "AccountId");
            }

            X509Certificate2? userCertificate = keys.Certificate(Certificate, settings.CertificatePath);
            RSA? signingKey = keys.PrivateKey(PrivateKey, settings.PrivateKeyPath, PrivateKeyPassword);
            X509Certificate2 cloudCertificate = keys.Certificate(CloudCertificate, settings.CloudCertificatePath) ?? FetchCloudCertificate();

            if (signingKey is null)
            {
                WriteWarning("No private key was given: the manifest will be UNSIGNED, and a cloud will not register it. Use -PrivateKey or set EC2_PRIVATE_KEY.");
            }

            if (userCertificate is null)
            {
                WriteWarning("No user certificate was given: only the cloud will be able to unbundle this image. Use -Certificate or set EC2_CERT.");
            }

            return new BundleInputs(accountId!, userCertificate, signingKey, cloudCertificate, FixedKeys());
        }

        private X509Certificate2 FetchCloudCertificate()
        {
            WriteVerbose("No cloud certificate file was given; asking the cloud's bootstrap service for its image-bundling certificate.");
            var connection = CurrentConnection;
            string pem = RunEngine((progress, token) => connection.GetCloudCertificateAsync(token));
            return CertificateLoader.Load(System.Text.Encoding.ASCII.GetBytes(pem), "the cloud's bootstrap service");
        }

        private BundleKeyMaterial? FixedKeys()
        {
            if (EncryptionKey is null && EncryptionIV is null)
            {
                return null;
            }

            if (EncryptionKey is null || EncryptionIV is null)
            {
                throw new EucaException("EncryptionKeyIncomplete", EucaErrorCategory.InvalidArgument,
                    "-EncryptionKey and -EncryptionIV go together.", EncryptionKey is null ? "EncryptionKey" : "EncryptionIV");
            }

            return BundleKeyMaterial.FromHex(EncryptionKey, EncryptionIV);
        }

        /// <summary>The per-invocation inputs shared by every image bundled.</summary>
        private sealed class BundleInputs
        {
            private readonly string _accountId;
            private readonly X509Certificate2? _userCertificate;
            private readonly RSA? _signingKey;
            private readonly X509Certificate2 _cloudCertificate;
            private readonly BundleKeyMaterial? _fixedKeys;

            public BundleInputs(string accountId, X509Certificate2? userCertificate, RSA? signingKey, X509Certificate2 cloudCertificate, BundleKeyMaterial? fixedKeys)
            {
                _accountId = accountId;
                _userCertificate = userCertificate;
                _signingKey = signingKey;
                _cloudCertificate = cloudCertificate;
                _fixedKeys = fixedKeys;
            }

            public BundleCreateRequest RequestFor(string imagePath, NewEucaBundleCommand command)
            {
                var properties = new BundleImageProperties
                {
                    Architecture = command.Architecture!,
                    AccountId = _accountId,
                    ImageType = command.ImageType is null ? null : (BundleImageType?)Enum.Parse(typeof(BundleImageType), command.ImageType, ignoreCase: true),
                    KernelId = command.KernelId,
                    RamdiskId = command.RamdiskId,
                    BlockDeviceMappings = ToMappings(command.BlockDeviceMapping),
                    ProductCodes = command.ProductCode?.ToList() ?? new List<string>(),
                };

                return new BundleCreateRequest(imagePath, properties, _cloudCertificate)
                {
                    UserCertificate = _userCertificate,
                    SigningKey = _signingKey,
                    Destination = command.Destination is null ? null : command.SessionState.Path.GetUnresolvedProviderPathFromPSPath(command.Destination),
                    Prefix = command.Prefix,
                    PartSize = command.PartSize,
                    Keys = _fixedKeys,
                    Force = command.Force,
                };
            }

            private static IList<BlockDeviceMapping> ToMappings(Hashtable? table) =>
                table is null
                    ? new List<BlockDeviceMapping>()
                    : table.Cast<DictionaryEntry>()
                        .Select(entry => new BlockDeviceMapping(entry.Key.ToString()!, LanguagePrimitives.ConvertTo<string>(entry.Value)))
                        .ToList();
        }
    }
}
