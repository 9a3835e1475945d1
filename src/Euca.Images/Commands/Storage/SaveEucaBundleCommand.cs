using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Bundling;
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
                BundleInfo bundle = RunEngine((progress, token) =>
                    BundleDownloader.SaveAsync(connection, new BundleSaveRequest(location, destination, ThrottleLimit), progress, token), location);
                WriteObject(bundle);
            }
            catch (EngineFailure failure)
            {
                WriteError(failure.ErrorRecord);
            }
        }
    }
}
