using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Euca.Images.Arguments;
using Euca.Images.Commands.Migration;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Workflows.ImageCopy;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    /// <summary>Copies an image from one cloud to another and registers it there.</summary>
    /// <remarks>
    /// <para>For an instance-store image (Eucalyptus or AWS) whose bundle you can read, the bundle's parts are copied
    /// from the source bucket to -Bucket at the destination, several at a time, each held in memory only while it is
    /// copied (no local copy of the bundle) and checked against the SHA-1 its manifest lists before it is sent on. The
    /// manifest is converted for the destination cloud's certificate (as Convert-EucaBundleManifest does: your copy
    /// of the bundle key is opened with -PrivateKey and wrapped again; the image data is never decrypted) and stored
    /// last, then registered with the source image's architecture, virtualization type, platform and description,
    /// unless -Name or -Description say otherwise, and tagged with -Tag.</para>
    /// <para>A paravirtual image boots a kernel and ramdisk, which have other ids at the destination: -KernelId and
    /// -RamdiskId name them, else the destination's kernel and ramdisk with the source ones' names (or Name tags) are
    /// used. When none is found the command fails before copying anything.</para>
    /// <para>The destination is -DestinationConnection, else the connection of this call (-Connection, -ProfileName,
    /// -Region, or the session's); its cloud certificate comes from -CloudCertificate, its settings or its bootstrap
    /// service. Use Connect-EucaCloud -NoDefault to hold a connection to each cloud.</para>
    /// <para>A failure, a corrupt source part or Ctrl+C leaves no registered image and no manifest at the
    /// destination. The verified parts already copied stay there: the error (or the warning on Ctrl+C) prints the
    /// command with -Resume that finishes the copy without sending them again, and the Remove-EucaBundle command that
    /// removes them instead. That command is the line you typed with -Resume added, so its connection variables
    /// are the ones of your session. A copy started from a pipeline (Get-EucaImage ... | Copy-EucaImage) prints the
    /// command from the parameters you gave, with -SourceImageId spelled out; what has no literal is printed as
    /// &lt;SourceConnection&gt;, &lt;DestinationConnection&gt; (or &lt;CloudCertificate&gt;, ...): substitute the variable
    /// holding it, for a connection (Connect-EucaCloud -ProfileName name -NoDefault) also does.</para>
    /// <para>An EBS-backed AWS source is copied with -ExportBucket: AWS's ExportImage writes its disk (RAW, or VMDK
    /// with -ExportFormat Vmdk) to that S3 bucket, the command waits for the export task, then streams the exported
    /// object into the destination's disk import (each part one ranged read of the object: no local copy) and
    /// finishes as New-EucaEbsImage does (snapshot, register, delete the volume and the uploaded parts) in
    /// -AvailabilityZone. The exported object is deleted at the end unless -KeepExport. A failure or Ctrl+C during
    /// the import cancels its conversion task and deletes the parts and manifest it uploaded; running the same command
    /// again reuses the completed export.</para>
    /// <para>With -Ebs and an AWS destination, an instance-store Eucalyptus image becomes an EBS-backed AWS image: its
    /// bundle streams (download, decrypt, decompress) into a multipart upload of one RAW object in -Bucket at AWS,
    /// AWS's ImportSnapshot makes a snapshot of it, RegisterImage makes an HVM image of the snapshot, and the uploaded
    /// object is deleted. A complete upload of an earlier run is reused. Ctrl+C during an export or import also cancels
    /// the task at AWS.</para>
    /// <para>Without -ExportBucket an EBS-backed source is refused with ImageCopyEbsSourceUnsupported: Eucalyptus has no
    /// image export. Run an instance of it and make an instance-store image with New-EucaImage, or export the root
    /// volume's data and import it with New-EucaEbsImage.</para>
    /// </remarks>
    /// <example>
    /// <title>Copy an image between two clouds held in stored profiles</title>
    /// <code>$source = Connect-EucaCloud -ProfileName old-cloud -NoDefault
    /// $destination = Connect-EucaCloud -ProfileName new-cloud -NoDefault
    /// Get-EucaImage -Name web-nightly -Connection $source | Copy-EucaImage -SourceConnection $source -DestinationConnection $destination -Bucket copied-images -Name web-copy</code>
    /// <para>Emits the registered copy at the destination, with the source's architecture, virtualization type and
    /// description. The keys come from the profiles; pass -PrivateKey when they have none.</para>
    /// </example>
    /// <example>
    /// <title>Copy onto the destination's kernel and ramdisk, tagged, resuming an interrupted copy</title>
    /// <code>$source = Connect-EucaCloud -ProfileName old-cloud -NoDefault
    /// Get-EucaImage -Name web-nightly -Connection $source | Copy-EucaImage -SourceConnection $source -Bucket pv-copies -KernelId eki-6e0f3b1d -RamdiskId eri-2c9a7d40 -Name web-pv -Tag @{ origin = 'old-cloud' } -Resume</code>
    /// <para>Copies into the session's cloud as a paravirtual image booting that kernel and ramdisk; -Resume keeps
    /// the parts an interrupted copy already stored there when they match the verified source parts.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Migration.ConvertEucaBundleManifestCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.InstallEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Cloud.ConnectEucaCloudCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.RemoveEucaBundleCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsCommon.Copy, "EucaImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InstanceStoreSet)]
    [OutputType(typeof(ImageInfo))]
    public sealed partial class CopyEucaImageCommand : MigrationCmdlet
    {
        /// <summary>The image to copy, at the source cloud.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageIdCompleter))]
        public string? SourceImageId { get; set; }

        /// <summary>The cloud the image is at (Connect-EucaCloud -NoDefault).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public CloudConnection? SourceConnection { get; set; }

        /// <summary>The cloud to copy to; by default the connection of this call (-Connection, -ProfileName, -Region or the session's).</summary>
        [Parameter]
        public CloudConnection? DestinationConnection { get; set; }

        /// <summary>The destination bucket for the bundle (created if missing).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketCompleter))]
        public string? Bucket { get; set; }

        /// <summary>A folder inside the destination bucket for the bundle's objects.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KeyPrefixCompleter))]
        public string? KeyPrefix { get; set; }

        /// <summary>The copy's name; by default the source image's.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Name { get; set; }

        /// <summary>The copy's description; by default the source image's.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Description { get; set; }

        /// <summary>Tags for the copy, as @{ key = 'value' }, added right after it is registered (a failure to tag undoes the registration).</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <summary>Keep the parts an interrupted copy already stored at the destination when they match the verified source parts.</summary>
        [Parameter(ParameterSetName = InstanceStoreSet)]
        public SwitchParameter Resume { get; set; }

        /// <summary>The canned ACL of the copied objects (default aws-exec-read, which the cloud needs to read them).</summary>
        [Parameter(ParameterSetName = InstanceStoreSet)]
        [ValidateSet(BundleAcl.AwsExecRead, BundleAcl.PublicRead, BundleAcl.Ec2BundleRead)]
        public string Acl { get; set; } = BundleAcl.AwsExecRead;

        /// <summary>Copy even where a registered image's bundle is stored at the destination (same bucket, folder and name), replacing that bundle.</summary>
        [Parameter(ParameterSetName = InstanceStoreSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>How many parts are copied at once (each held in memory while it is copied).</summary>
        [Parameter(ParameterSetName = InstanceStoreSet)]
        [Parameter(ParameterSetName = FromAwsEbsSet)]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = BundleUploadTarget.DefaultThrottleLimit;

        /// <inheritdoc />
        protected override void RequireSettings(CloudSettings settings) =>
            settings.Require(CloudSettingNames.ComputeUrl, CloudSettingNames.ObjectStorageUrl, CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (!TryCheckId(ResourceIdPattern.Image, SourceImageId, out string imageId))
            {
                return;
            }

            CloudConnection destination = DestinationConnection ?? CurrentConnection;
            if (ParameterSetName != InstanceStoreSet)
            {
                CopyEbs(imageId, destination);
                return;
            }

            if (!ShouldProcess($"{imageId} at {SourceConnection}", $"Copy into bucket '{Bucket}' at {destination} and register it there"))
            {
                return;
            }

            var target = new BundleUploadTarget(Bucket!) { KeyPrefix = KeyPrefix, Acl = Acl, ThrottleLimit = ThrottleLimit };
            target.ReplaceCheck = BundleReplaceGuard.For(this, destination, Force);
            string? keyPath = PrivateKey ?? SourceConnection!.Settings.PrivateKeyPath ?? destination.Settings.PrivateKeyPath;
            var request = new ImageCopyRequest(imageId, target, RequirePrivateKey(keyPath), CloudCertificateOf(destination))
            {
                PrivateKeyName = $"the private key '{keyPath}'",
                UserCertificate = NewUserCertificate(),
                Name = Name,
                Description = Description,
                KernelId = KernelId,
                RamdiskId = RamdiskId,
                Tags = TagArguments.From(Tag),
                Resume = Resume,
                ResumeCommand = ResumeCommand(),
            };
            var copier = new ImageCopier(SourceConnection!, destination);
            ImageInfo copy = RunReportingWhenStopped("The copy was stopped.", copier.DescribeLeftovers,
                (progress, token) => copier.CopyAsync(request, progress, token), imageId);
            WriteObject(copy);
        }

        /// <summary>
        /// This command line with -Resume: the connections are the caller's variables, so the line as typed is the one
        /// to repeat. A pipeline's line does not name the image (and the line of a pipeline broken after '|' holds only
        /// this command), so the command is then spelled from the bound parameters.
        /// </summary>
        private string ResumeCommand()
        {
            string line = MyInvocation.Line?.Trim() ?? string.Empty;
            if (line.Length == 0 || MyInvocation.ExpectingInput || line.IndexOf('|') >= 0 || line.IndexOf('\n') >= 0)
            {
                line = "Copy-EucaImage " + string.Join(" ", MyInvocation.BoundParameters
                    .Where(p => p.Key != nameof(Resume))
                    .Select(p => BoundArgument(p.Key, p.Value)));
            }

            return Regex.IsMatch(line, @"\s-Resume\b", RegexOptions.IgnoreCase) ? line : line + " -Resume";
        }

        /// <summary>
        /// One parameter as it would be typed. Objects that have no literal (connections, certificates, passwords) are
        /// written as &lt;Name&gt; for the user to replace with the variable that holds them; nothing secret is printed.
        /// </summary>
        private static string BoundArgument(string name, object? value) => value switch
        {
            SwitchParameter flag => flag.IsPresent ? $"-{name}" : $"-{name}:$false",
            string text => $"-{name} {Quoted(text)}",
            int number => $"-{name} {number.ToString(CultureInfo.InvariantCulture)}",
            Hashtable table => $"-{name} @{{ {string.Join("; ", table.Keys.Cast<object>().Select(k => $"{Quoted(k.ToString()!)} = {Quoted(table[k]?.ToString() ?? string.Empty)}"))} }}",
            _ => $"-{name} <{name}>",
        };

        private static string Quoted(string text) => "'" + text.Replace("'", "''") + "'";
    }
}
