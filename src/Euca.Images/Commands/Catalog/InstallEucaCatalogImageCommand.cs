using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Workflows;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Catalog
{
    /// <summary>Downloads, verifies, unpacks and installs an image from the Eucalyptus Machine Image catalog in one command.</summary>
    /// <remarks>
    /// <para>Takes the images Find-EucaCatalogImage emits (or one file by -Uri or -Path) and installs each as a
    /// registered image: the download is resumed with HTTP ranges when a connection drops (If-Range makes a file that
    /// changed on the server start over), retried with growing pauses, abandoned after 60 seconds without data and
    /// verified against the catalog's checksum (eustore's CRC-32 of the MD5, SHA-256, SHA-512) and size. A file that
    /// fails its checksum is deleted and nothing is registered (CatalogChecksumMismatch).</para>
    /// <para>What was downloaded is recognised by its content, never by its name: a disk image (raw, qcow2, vmdk, vhd,
    /// vhdx) is bundled as it is, with no copy; gzip, xz and bzip2 files are decompressed once into a sparse file (the
    /// bundler needs the disk's size and random access, which a compressed stream cannot give, so a qcow2 inside an xz
    /// is also written out first); tarballs (also .tar.gz) give their *.img or *.raw; eustore tarballs give the kernel
    /// and ramdisk of their kvm-kernel (or -Hypervisor xen) folder, or of the top level for single-kernel tarballs; a
    /// euimage pack gives its image.xz, verified against the SHA-256 in pack-md.yml. Tarball entries must be regular
    /// files inside the tarball: links, devices and '..' are refused (CatalogTarEntryRefused).</para>
    /// <para>The image is then installed instance-store (bundled, uploaded and registered as Install-EucaImage does; a
    /// tarball with a kernel installs NAME-kernel as an EKI and NAME-ramdisk as an ERI first and registers the
    /// paravirtual EMI with them, which needs a Eucalyptus administrator) or, with -Ebs, EBS-backed as New-EucaEbsImage
    /// does (HVM only). -MinimumSize grows the disk sparsely first, as install-images.py's -s did. Every image is tagged
    /// catalog:name (and catalog:version when the catalog gives one), and -Public lets every account run it.</para>
    /// <para>Downloads are made in the folder euca-catalog-downloads of the temporary folder (TMPDIR, TEMP on Windows).
    /// The unpacked files are removed when the command ends, however it ends; the download is removed too, unless
    /// -KeepDownload. Only a download cut off by a failure or by Ctrl+C is kept (as FILE.part), so that running the
    /// command again resumes it; part files nobody resumes are removed by the first install that finds them a week
    /// old.</para>
    /// </remarks>
    /// <example>
    /// <title>Install a downloaded catalog image file</title>
    /// <code>Install-EucaCatalogImage -Path ./focal.raw.xz -Name ubuntu-focal -Bucket images -MinimumSize 64MB -Public</code>
    /// <para>Decompresses the xz into a sparse raw disk, grows it to 64 MiB without writing the added space, and emits
    /// the registered HVM image, tagged catalog:name=ubuntu-focal and launchable by every account.</para>
    /// </example>
    /// <example>
    /// <title>Install a tarball and tag it</title>
    /// <code>Install-EucaCatalogImage -Path ./centos7.tar.gz -Name centos-7 -Bucket images -Tag @{ team = 'web' }</code>
    /// <para>Installs the *.raw or *.img the tarball holds, tagged catalog:name=centos-7 and team=web. An eustore
    /// tarball with kernel folders installs three images instead (an administrator's job): centos-7-kernel (EKI),
    /// centos-7-ramdisk (ERI) and the paravirtual centos-7 EMI booting with them; -Hypervisor xen takes the xen-kernel
    /// folder instead of kvm-kernel.</para>
    /// </example>
    /// <example>
    /// <title>Make an EBS-backed image from a tarball</title>
    /// <code>Install-EucaCatalogImage -Path ./debian.tar.gz -Name debian-ebs -Bucket imports -Ebs -AvailabilityZone one</code>
    /// <para>Imports the disk into a volume, snapshots it and registers the EBS-backed image.</para>
    /// </example>
    /// <example>
    /// <title>Install what the catalog offers</title>
    /// <code>Find-EucaCatalogImage -Name centos-8 | Install-EucaCatalogImage -Bucket images</code>
    /// <para>Reads the catalog EUSTORE_URL or the euca2ools configuration names (else the published one); each entry
    /// is downloaded (resumed if the connection drops), verified against the catalog's checksum where it gives one,
    /// unpacked and installed under its catalog name.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Catalog.FindEucaCatalogImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.InstallEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.NewEucaEbsImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Tags.GetEucaTagCommand"/>
    [Cmdlet(VerbsLifecycle.Install, "EucaCatalogImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = EntrySet)]
    [OutputType(typeof(ImageInfo))]
    public sealed class InstallEucaCatalogImageCommand : BundlingCmdlet
    {
        private const string EntrySet = "Entry";
        private const string UriSet = "Uri";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>A catalog entry from Find-EucaCatalogImage.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EntrySet, ValueFromPipeline = true)]
        public CatalogImage? InputObject { get; set; }

        /// <summary>The http or https URL of one image file, compressed file, tarball or euimage pack (no catalog: nothing to check it against).</summary>
        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Uri { get; set; }

        /// <summary>A file already downloaded: an image, compressed file, tarball or euimage pack. It is never changed or deleted. Wildcards must match one file.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The file, taken as it is (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary>The image's name (kernel and ramdisk get -kernel and -ramdisk); by default the catalog entry's name.</summary>
        [Parameter(ParameterSetName = EntrySet)]
        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Name { get; set; }

        /// <summary>The bucket for the bundles (or, with -Ebs, for the import's parts); created if missing.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketCompleter))]
        public string? Bucket { get; set; }

        /// <summary>A folder inside the bucket.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KeyPrefixCompleter))]
        public string? KeyPrefix { get; set; }

        /// <summary>Install an EBS-backed HVM image (import, snapshot, register) instead of an instance-store one.</summary>
        [Parameter]
        public SwitchParameter Ebs { get; set; }

        /// <summary>With -Ebs, the zone the disk is imported into; by default the cloud's first zone.</summary>
        [Parameter]
        [Alias("Zone")]
        [ArgumentCompleter(typeof(AvailabilityZoneCompleter))]
        public string? AvailabilityZone { get; set; }

        /// <summary>Grow the disk to at least this many bytes (10GB, for example), sparsely: the added space is never written or uploaded.</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long MinimumSize { get; set; }

        /// <summary>Let every account run the images (launch permission for group all).</summary>
        [Parameter]
        public SwitchParameter Public { get; set; }

        /// <summary>The architecture to register; by default the catalog entry's, else x86_64.</summary>
        [Parameter]
        [ValidateArchitecture(ArchitectureUse.Registration)]
        [ArgumentCompleter(typeof(RegistrationArchitectureCompleter))]
        public string? Architecture { get; set; }

        /// <summary>Which kernel folder of an eustore tarball to install (kvm-kernel or xen-kernel); by default kvm, else the only one.</summary>
        [Parameter]
        [ValidateSet("kvm", "xen")]
        public string? Hypervisor { get; set; }

        /// <summary>A description of the images; by default the catalog's (shortened to the 255 characters Eucalyptus takes).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Description { get; set; }

        /// <summary>More tags for the images, as @{ key = 'value' }, besides catalog:name and catalog:version.</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>Keep the verified download in euca-catalog-downloads of the temporary folder (its path is written with -Verbose).</summary>
        [Parameter]
        public SwitchParameter KeepDownload { get; set; }

        /// <summary>Upload even where a registered image's bundle is stored under the same name, replacing that bundle.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The first pause between download retries (it doubles each time); for tests.</summary>
        [Parameter(DontShow = true)]
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <inheritdoc />
        protected override void RequireSettings(CloudSettings settings) =>
            settings.Require(CloudSettingNames.ComputeUrl, CloudSettingNames.ObjectStorageUrl, CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            CatalogInstallRequest request = RequestFromParameters(out string source);
            string route = Ebs ? "an EBS-backed image" : "an instance-store image";
            if (!ShouldProcess(source, $"Download, verify, unpack and install '{request.Name}' as {route} through bucket '{Bucket}'"))
            {
                return;
            }

            CloudConnection connection = CurrentConnection;
            Configure(request, connection);
            if (KeepDownload && request.Uri is { } uri)
            {
                WriteVerbose($"The download is kept as '{DownloadFolder.FileFor(request.DownloadDirectory, uri)}'.");
            }

            var installer = new CatalogInstaller(connection);
            IReadOnlyList<ImageInfo> images = RunReportingWhenStopped($"Installing '{request.Name}' was stopped.", installer.DescribeLeftovers,
                (progress, token) => installer.InstallAsync(request, progress, token), source);
            WriteObject(images, enumerateCollection: true);
        }

        private CatalogInstallRequest RequestFromParameters(out string source)
        {
            switch (ParameterSetName)
            {
                case UriSet:
                    if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out Uri? uri) || (uri.Scheme != System.Uri.UriSchemeHttp && uri.Scheme != System.Uri.UriSchemeHttps))
                    {
                        throw new EucaException(ErrorIds.CatalogDownloadUriInvalid, EucaErrorCategory.InvalidArgument,
                            $"'{Uri}' is not an http or https URL; give a file already downloaded with -Path.", Uri);
                    }

                    source = uri.ToString();
                    return CatalogInstallRequest.ForUri(uri, Name!, Bucket!);
                case EntrySet:
                    source = InputObject!.Uri.ToString();
                    return CatalogInstallRequest.ForEntry(InputObject, Name, Bucket!);
                default:
                    source = ResolveSingleInputPath(Path, LiteralPath);
                    return CatalogInstallRequest.ForFile(source, Name!, Bucket!);
            }
        }

        private void Configure(CatalogInstallRequest request, CloudConnection connection)
        {
            request.KeyPrefix = KeyPrefix;
            request.Architecture = Architecture;
            request.Hypervisor = Hypervisor;
            request.MinimumSize = MinimumSize;
            request.Public = Public;
            request.Description = Description;
            request.Tags = TagArguments.From(Tag);
            request.KeepDownload = KeepDownload;
            request.ConfigureDownload = download => download.RetryDelay = RetryDelay;
            request.Ebs = Ebs;
            if (Ebs)
            {
                request.AvailabilityZone = AvailabilityZone ?? FirstZone(connection);
                return;
            }

            // Resolved here, on the pipeline thread: finding keys may warn or prompt for a password.
            BundleSigningInputs signing = Signing;
            request.BundleFor = signing.RequestFor;
            request.ReplaceCheck = BundleReplaceGuard.For(this, connection, Force);
        }

        private string FirstZone(CloudConnection connection)
        {
            IReadOnlyList<KeyValuePair<string, string>> zones = RunEngine((progress, token) => AvailabilityZones.ListAsync(connection, token));
            string zone = zones.Select(pair => pair.Key).FirstOrDefault()
                ?? throw new EucaException(ErrorIds.CatalogZoneMissing, EucaErrorCategory.ObjectNotFound, "The cloud lists no availability zone; give -AvailabilityZone.", null);
            WriteVerbose($"Importing into availability zone {zone}, the cloud's first.");
            return zone;
        }
    }
}
