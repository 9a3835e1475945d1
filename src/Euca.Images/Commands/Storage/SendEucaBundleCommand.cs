using System.Collections.Generic;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Arguments;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Storage;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Storage
{
    /// <summary>Uploads a bundle to object storage: parts in parallel, each verified, then the manifest.</summary>
    /// <remarks>
    /// <para>Checks the bucket and creates it when it does not exist (with -Location as its location constraint),
    /// then uploads the parts, by default four at a time, each checked: the ETag the server returns must be the MD5
    /// of the bytes sent. The manifest goes last, so an interrupted upload never leaves a manifest pointing at
    /// missing parts; a manifest already stored under the same key is removed before any part is replaced. A bundle
    /// that a registered image was registered from is never replaced: the upload stops before sending anything, with
    /// a BundleManifestInUse error naming the image, unless -Force is given.</para>
    /// <para>Every object gets the canned ACL -Acl (default aws-exec-read, which lets the cloud read the bundle to
    /// register and launch it). Timeouts, dropped connections and HTTP 500/503 are retried with exponential backoff
    /// and jitter; other client errors are not. -Resume skips parts already stored with the same size and MD5, so
    /// after a failure or Ctrl+C only the missing parts and the manifest are sent; the error or warning says how to
    /// resume or clean up.</para>
    /// <para>The manifest's signature is verified first with -Certificate or the connection's certificate (EC2_CERT):
    /// a manifest that does not verify, or is UNSIGNED, is not uploaded; without a certificate a warning says it was
    /// not verified.</para>
    /// <para>The upload object it emits has ManifestLocation (bucket/prefix/name.manifest.xml), the value image
    /// registration takes.</para>
    /// </remarks>
    /// <example>
    /// <title>Upload a bundle from disk</title>
    /// <code>Send-EucaBundle -ManifestPath ./bundles/centos7.img.manifest.xml -Bucket images -KeyPrefix centos</code>
    /// <para>Stores images/centos/centos7.img.part.NN and then images/centos/centos7.img.manifest.xml.</para>
    /// </example>
    /// <example>
    /// <title>Bundle, then upload, resuming after an interruption</title>
    /// <code>$bundle = New-EucaBundle -Path disk.img -Architecture x86_64; $bundle | Send-EucaBundle -Bucket images -Resume</code>
    /// <para>The bundle object binds from the pipeline; with -Resume, parts already stored intact are skipped.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Bundles.NewEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.RemoveEucaBundleCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsCommunications.Send, "EucaBundle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ManifestSet)]
    [OutputType(typeof(BundleUpload))]
    public sealed class SendEucaBundleCommand : EucaStorageCmdlet
    {
        private const string ManifestSet = "ManifestPath";
        private const string LiteralPathSet = "LiteralPath";
        private const string BundleSet = "Bundle";

        /// <summary>The bundle's manifest file; its parts are read from the same folder. Wildcards name every manifest they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ManifestSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? ManifestPath { get; set; }

        /// <summary>The bundle's manifest file, taken as it is (no wildcards); files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary>A bundle object from New-EucaBundle or Save-EucaBundle.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BundleSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public BundleInfo? Bundle { get; set; }

        /// <summary>The bucket to store the bundle in; created when it does not exist.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketCompleter))]
        public string? Bucket { get; set; }

        /// <summary>A folder inside the bucket for the bundle's objects, for example images/2026.</summary>
        [Parameter]
        [Alias("Prefix")]
        [ArgumentCompleter(typeof(KeyPrefixCompleter))]
        public string? KeyPrefix { get; set; }

        /// <summary>The canned ACL of every object (default aws-exec-read: private, readable by the cloud).</summary>
        [Parameter]
        [ValidateSet(BundleAcl.AwsExecRead, BundleAcl.PublicRead, BundleAcl.Ec2BundleRead)]
        public string Acl { get; set; } = BundleAcl.AwsExecRead;

        /// <summary>The location constraint for a bucket that has to be created.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Location { get; set; }

        /// <summary>Skip parts already stored with the same size and MD5 (after an interrupted upload).</summary>
        [Parameter]
        public SwitchParameter Resume { get; set; }

        /// <summary>How many parts to upload at once (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = BundleUploadTarget.DefaultThrottleLimit;

        /// <summary>Replace a stored bundle even when a registered image was registered from it (that image then boots the new bundle).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }
        /// <summary>
        /// The certificate of the user who signed the manifest (a path or an X509Certificate2); by default the
        /// connection's certificate (EC2_CERT). A manifest that does not verify with it is not uploaded.
        /// </summary>
        [Parameter]
        public CertificateArgument? Certificate { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            IReadOnlyList<string> manifestPaths = Bundle is null ? ResolveInputPaths(ManifestPath, LiteralPath) : new[] { Bundle.ManifestPath };
            foreach (string manifestPath in manifestPaths)
            {
                Send(manifestPath);
            }
        }

        private void Send(string manifestPath)
        {
            string prefix = ManifestLocation.NormalizeKeyPrefix(KeyPrefix);
            if (!ShouldProcess($"{Bucket}/{prefix}", $"Upload bundle {manifestPath}"))
            {
                return;
            }

            CloudConnection connection = CurrentConnection;
            var target = new BundleUploadTarget(Bucket!)
            {
                KeyPrefix = KeyPrefix, Acl = Acl, Location = Location, ThrottleLimit = ThrottleLimit,
                ReplaceCheck = BundleReplaceGuard.For(this, connection, Force),
            };
            X509Certificate2? signer = new KeyMaterialResolver(this).Certificate(Certificate, AvailableSettings.CertificatePath);
            if (signer is null)
            {
                WriteWarning(ManifestTrust.NotVerifiedWarning(manifestPath));
            }

            try
            {
                BundleUpload upload = RunUpload(target.Journal,
                    (progress, token) => BundleUploader.SendAsync(connection, new BundleSendRequest(manifestPath, target, Resume) { Signer = signer }, progress, token), manifestPath);
                WriteObject(upload);
            }
            catch (EngineFailure failure)
            {
                // One failed bundle must not stop the rest of a pipeline.
                WriteError(failure.ErrorRecord);
            }
        }
    }
}
