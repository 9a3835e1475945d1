using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Commands.Migration
{
    /// <summary>Re-targets a bundle's manifest at another cloud without touching its parts (ec2-migrate-manifest, and more).</summary>
    /// <remarks>
    /// <para>Verifies the manifest's signature over its exact bytes with the public half of -PrivateKey (your key pair),
    /// unwraps the bundle's AES key and IV from your wrapped copy with -PrivateKey, wraps them again for the other
    /// cloud's certificate (the ec2_encrypted_key and ec2_encrypted_iv elements), optionally changes the kernel and
    /// ramdisk, and signs the result with -PrivateKey. Your wrapped copy is kept as it is, or wrapped for -Certificate
    /// when given. The parts and their digests are never read, decrypted or changed.</para>
    /// <para>The other cloud's certificate is -CloudCertificate, else the connection's cloud certificate setting
    /// (EUCALYPTUS_CERT), else what the connection's bootstrap service publishes: connect to the other cloud (or pass
    /// -Connection) to use its own.</para>
    /// <para>Nothing is replaced silently. Without -Destination the converted manifest goes beside the original as
    /// NAME.converted.manifest.xml, so the original is kept and the parts are still beside the new manifest; an
    /// existing file or object there is refused unless -Force, and -Force without -Destination converts the original
    /// in place. Files are written under a temporary name and renamed; an object is stored with one request. With
    /// -ManifestLocation the manifest is read from and written to object storage, in the same bucket and folder as the
    /// parts, which is where the cloud reads them.</para>
    /// <para>ec2-ami-tools' kernel_name and ancestry elements are not carried over.</para>
    /// </remarks>
    /// <example>
    /// <title>Convert a bundle on disk for another cloud</title>
    /// <code>Convert-EucaBundleManifest -ManifestPath ./bundles/centos7.img.manifest.xml -PrivateKey ./pk.pem -CloudCertificate ./new-cloud-cert.pem</code>
    /// <para>Writes ./bundles/centos7.img.converted.manifest.xml beside the parts and keeps the original; send it
    /// with Send-EucaBundle -ManifestPath to the other cloud.</para>
    /// </example>
    /// <example>
    /// <title>Convert a stored manifest in place, with a new kernel</title>
    /// <code>Convert-EucaBundleManifest -ManifestLocation images/centos7.img.manifest.xml -PrivateKey ./pk.pem -KernelId eki-6e0f3b1d -RamdiskId eri-2c9a7d40 -Force</code>
    /// <para>Replaces the stored manifest with one wrapped for the connection's cloud and booting that kernel and ramdisk; the parts stay untouched.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Images.CopyEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.GetEucaBundleManifestCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.SendEucaBundleCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsData.Convert, "EucaBundleManifest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FileSet)]
    [OutputType(typeof(ManifestConversionResult))]
    public sealed class ConvertEucaBundleManifestCommand : MigrationCmdlet
    {
        private const string FileSet = "ManifestPath";
        private const string StorageSet = "ManifestLocation";

        /// <summary>The manifest file to convert.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FileSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ManifestPath { get; set; }

        /// <summary>The stored manifest to convert, as bucket/[prefix/]name.manifest.xml.</summary>
        [Parameter(Mandatory = true, ParameterSetName = StorageSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageLocation")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? ManifestLocation { get; set; }




        /// <summary>
        /// Where to write the converted manifest: a file or an existing folder (with -ManifestPath), or
        /// bucket/[prefix/]name.manifest.xml beside the parts (with -ManifestLocation). By default
        /// NAME.converted.manifest.xml beside the original.
        /// </summary>
        [Parameter]
        public string? Destination { get; set; }

        /// <summary>Replace an existing destination; without -Destination, convert the original manifest in place.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

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

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (ParameterSetName == StorageSet)
            {
                ConvertStored(ManifestLocation!);
            }
            else
            {
                ConvertFile(ResolvePath(ManifestPath!));
            }
        }

        private void ConvertFile(string manifestPath)
        {
            string output = ManifestFileConverter.OutputPath(manifestPath, Destination is null ? null : ResolvePath(Destination), Force);
            if (!ShouldProcess(output, $"Write '{manifestPath}' converted for another cloud's certificate"))
            {
                return;
            }

            ManifestConversionRequest request = BuildRequest(null);
            WriteObject(ManifestFileConverter.Convert(manifestPath, output, Force, request));
        }

        private void ConvertStored(string location)
        {
            ManifestLocation output = StoredManifestConverter.OutputLocation(Engine.Storage.ManifestLocation.Parse(location), Destination, Force);
            if (!ShouldProcess(output.ToString(), $"Store '{location}' converted for another cloud's certificate"))
            {
                return;
            }

            CloudConnection connection = CurrentConnection;
            ManifestConversionRequest request = BuildRequest(connection);
            WriteObject(RunEngine((progress, token) => StoredManifestConverter.ConvertAsync(connection, location, Destination, Force, request, token), location));
        }

        private ManifestConversionRequest BuildRequest(CloudConnection? connection) =>
            new ManifestConversionRequest(RequirePrivateKey(AvailableSettings.PrivateKeyPath), CloudCertificateOf(connection))
            {
                PrivateKeyName = $"the private key '{PrivateKey ?? AvailableSettings.PrivateKeyPath}'",
                UserCertificate = NewUserCertificate(),
                KernelId = KernelId,
                RamdiskId = RamdiskId,
            };
    }
}
