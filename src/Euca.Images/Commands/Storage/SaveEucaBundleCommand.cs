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
    /// <summary>Downloads a bundle from object storage, verifying every part against the manifest.</summary>
    /// <remarks>
    /// <para>Reads the manifest first; the parts to fetch and their names come only from it (names that would lead
    /// out of -Destination are refused). Parts are downloaded in parallel, and each is checked against the
    /// manifest's SHA-1 (and against the ETag's MD5) before it is given its real name; the manifest is written last,
    /// so a manifest on disk always describes complete parts. Interrupted transfers are retried with backoff.</para>
    /// <para>The manifest's signature is verified first with -Certificate or the connection's certificate (EC2_CERT):
    /// a manifest that does not verify, or is UNSIGNED, is refused before a part is fetched; without a certificate a
    /// warning says it was not verified. A download that fails leaves nothing behind, unless -Resume asks to keep the
    /// verified parts; the error then says what is kept and the command that finishes the download.</para>
    /// <para>The bundle object it emits pipes into Expand-EucaBundle, Test-EucaBundle and Send-EucaBundle. To
    /// unbundle without storing the parts, use Expand-EucaBundle -ManifestLocation instead.</para>
    /// </remarks>
    /// <example>
    /// <title>Download a bundle</title>
    /// <code>Save-EucaBundle -ManifestLocation images/centos/centos7.img.manifest.xml -Destination ./download</code>
    /// <para>Writes the parts and then the manifest into ./download.</para>
    /// </example>
    /// <example>
    /// <title>Download and unbundle from the files</title>
    /// <code>Save-EucaBundle images/centos7.img.manifest.xml | Expand-EucaBundle -PrivateKey pk.pem</code>
    /// <para>The saved bundle's ManifestPath binds to Expand-EucaBundle.</para>
    /// </example>
    /// <example>
    /// <title>Finish an interrupted download</title>
    /// <code>Save-EucaBundle images/centos7.img.manifest.xml -Destination ./download -Resume</code>
    /// <para>Keeps the parts already in ./download whose SHA-1 matches the manifest and fetches only the others.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Storage.SendEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.ExpandEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.RemoveEucaBundleCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsData.Save, "EucaBundle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(BundleInfo))]
    public sealed class SaveEucaBundleCommand : EucaStorageCmdlet
    {
        /// <summary>Where the manifest is stored: bucket/[prefix/]name.manifest.xml.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageLocation")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? ManifestLocation { get; set; }

        /// <summary>The folder for the parts and manifest; created if missing. By default the current location.</summary>
        [Parameter]
        public string? Destination { get; set; }

        /// <summary>
        /// The certificate of the user who signed the manifest (a path or an X509Certificate2); by default the
        /// connection's certificate (EC2_CERT). The bundle is refused when the signature does not verify with it.
        /// </summary>
        [Parameter]
        public CertificateArgument? Certificate { get; set; }

        /// <summary>Keeps verified parts when the download fails, and reuses verified parts already in -Destination.</summary>
        [Parameter]
        public SwitchParameter Resume { get; set; }

        /// <summary>How many parts to download at once (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = BundleUploadTarget.DefaultThrottleLimit;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            string destination = ResolvePath(Destination ?? ".");
            if (!ShouldProcess(ManifestLocation, $"Download bundle into {destination}"))
            {
                return;
            }

            CloudConnection connection = CurrentConnection;
            string location = ManifestLocation!;
            try
            {
                X509Certificate2? signer = new KeyMaterialResolver(this).Certificate(Certificate, AvailableSettings.CertificatePath);
                if (signer is null)
                {
                    WriteWarning(ManifestTrust.NotVerifiedWarning(location));
                }

                BundleInfo bundle = RunEngine((progress, token) => BundleDownloader.SaveAsync(connection,
                    new BundleSaveRequest(location, destination, ThrottleLimit) { Resume = Resume, Signer = signer }, progress, token), location);
                WriteObject(bundle);
            }
            catch (EngineFailure failure)
            {
                WriteError(failure.ErrorRecord);
            }
        }
    }
}
