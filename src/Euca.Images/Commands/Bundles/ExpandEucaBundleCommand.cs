using System.Management.Automation;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Arguments;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Bundles
{
    /// <summary>Unbundles a bundle on disk back into the image file.</summary>
    /// <remarks>
    /// <para>Reads the manifest, decrypts the bundle key with your private key (the user's wrapped copy, else the
    /// cloud's, so the cloud's key works too), and streams the parts through AES, gunzip and tar into the image file
    /// named in the manifest. Every part's SHA-1, the image digest and the size are checked; on any failure the
    /// partial image is removed and the error names the check and the part. Bundles from euca2ools and from
    /// ec2-ami-tools (sparse tar members, single-quoted manifests, padded part names) are read alike.</para>
    /// <para>With -ManifestLocation the bundle is read from object storage instead, each part's body streaming
    /// into the same pipeline with its SHA-1 checked, so no part is stored on disk.</para>
    /// <para>The manifest's signature is verified first with -Certificate or the connection's certificate (EC2_CERT): a
    /// manifest that does not verify, or is UNSIGNED, is refused before a part is read. Without a certificate a warning
    /// says the signature was not verified.</para>
    /// <para>Part file names come only from the manifest and never lead out of -PartsDirectory; the image is written
    /// only inside -Destination, and an existing file is kept unless -Force is given.</para>
    /// </remarks>
    /// <example>
    /// <title>Unbundle into the current folder</title>
    /// <code>Expand-EucaBundle -ManifestPath ./bundles/centos7.img.manifest.xml -PrivateKey ~/.euca/pk.pem</code>
    /// <para>Writes ./centos7.img, checked against the manifest.</para>
    /// </example>
    /// <example>
    /// <title>Download and unbundle in one stream</title>
    /// <code>Expand-EucaBundle -ManifestLocation images/centos7.img.manifest.xml -PrivateKey ~/.euca/pk.pem -Destination ./restored</code>
    /// <para>Reads the parts straight from object storage into the unbundle pipeline (like euca-download-and-unbundle); no part is stored on disk.</para>
    /// </example>
    /// <example>
    /// <title>Round-trip a fresh bundle</title>
    /// <code>New-EucaBundle -Path disk.img -Architecture x86_64 | Expand-EucaBundle -PrivateKey pk.pem -Destination ./check</code>
    /// <para>The bundle object's ManifestPath binds from the pipeline.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Bundles.NewEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.SaveEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.TestEucaBundleCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsData.Expand, "EucaBundle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = FileSet)]
    [OutputType(typeof(ExpandedImage))]
    public sealed class ExpandEucaBundleCommand : EucaCloudCmdlet
    {
        private const string FileSet = "ManifestPath";
        private const string LiteralPathSet = "LiteralPath";
        private const string StorageSet = "ManifestLocation";

        /// <summary>The bundle's manifest file; wildcards name every manifest they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FileSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? ManifestPath { get; set; }

        /// <summary>The bundle's manifest file, taken as it is (no wildcards); files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary>Where the manifest is stored in object storage (bucket/[prefix/]name.manifest.xml); the parts stream from there.</summary>
        [Parameter(Mandatory = true, ParameterSetName = StorageSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageLocation")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? ManifestLocation { get; set; }

        /// <summary>Your private key, or the cloud's; by default the connection's private key (EC2_PRIVATE_KEY).</summary>
        [Parameter]
        public string? PrivateKey { get; set; }

        /// <summary>
        /// The certificate of the user who signed the manifest (a path or an X509Certificate2); by default the
        /// connection's certificate (EC2_CERT). The manifest is refused when its signature does not verify with it.
        /// </summary>
        [Parameter]
        public CertificateArgument? Certificate { get; set; }

        /// <summary>The password of an encrypted private key; without it you are prompted.</summary>
        [Parameter]
        public SecureString? PrivateKeyPassword { get; set; }

        /// <summary>The folder holding the part files; by default the manifest's folder.</summary>
        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        public string? PartsDirectory { get; set; }

        /// <summary>The folder to write the image into; by default the current location.</summary>
        [Parameter]
        public string? Destination { get; set; }

        /// <summary>Overwrite an existing image file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (ParameterSetName == StorageSet)
            {
                ExpandFromStorage();
                return;
            }

            foreach (string manifestPath in ResolveInputPaths(ManifestPath, LiteralPath))
            {
                ExpandFile(manifestPath);
            }
        }

        private void ExpandFile(string manifestPath)
        {
            var keys = new KeyMaterialResolver(this);
            string destination = ResolvePath(Destination ?? ".");
            string? partsDirectory = PartsDirectory is null ? null : ResolvePath(PartsDirectory);
            if (!ShouldProcess(manifestPath, $"Unbundle into {destination}"))
            {
                return;
            }

            RSA privateKey = RequirePrivateKey(keys);
            X509Certificate2? signer = Signer(keys, manifestPath);
            ExpandedImage image = RunEngine((progress, token) =>
                BundleExpander.ExpandAsync(manifestPath, partsDirectory, destination, privateKey, signer, Force, progress, token), manifestPath);
            WriteObject(image);
        }

        /// <inheritdoc />
        protected override void RequireSettings(CloudSettings settings)
        {
            if (ParameterSetName == StorageSet)
            {
                settings.Require(CloudSettingNames.ObjectStorageUrl, CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);
            }
            else
            {
                base.RequireSettings(settings);
            }
        }

        private void ExpandFromStorage()
        {
            var keys = new KeyMaterialResolver(this);
            string destination = ResolvePath(Destination ?? ".");
            string location = ManifestLocation!;
            if (!ShouldProcess(location, $"Download and unbundle into {destination}"))
            {
                return;
            }

            RSA privateKey = RequirePrivateKey(keys);
            X509Certificate2? signer = Signer(keys, location);
            CloudConnection connection = CurrentConnection;
            ExpandedImage image = RunEngine((progress, token) => StoredBundleExpander.ExpandAsync(connection,
                new StoredBundleExpandRequest(location, destination, privateKey, Force) { Signer = signer }, progress, token), location);
            WriteObject(image);
        }

        private X509Certificate2? Signer(KeyMaterialResolver keys, string source)
        {
            X509Certificate2? signer = keys.Certificate(Certificate, AvailableSettings.CertificatePath);
            if (signer is null)
            {
                WriteWarning(ManifestTrust.NotVerifiedWarning(source));
            }

            return signer;
        }

        private RSA RequirePrivateKey(KeyMaterialResolver keys) =>
            keys.PrivateKey(PrivateKey, AvailableSettings.PrivateKeyPath, PrivateKeyPassword)
                ?? throw new EucaException(ErrorIds.PrivateKeyMissing, EucaErrorCategory.InvalidArgument,
                    "Unbundling needs the private key of the user or of the cloud: pass -PrivateKey, or set EC2_PRIVATE_KEY.", "PrivateKey");
    }
}
