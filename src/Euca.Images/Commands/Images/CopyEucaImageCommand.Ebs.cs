using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Migration;
using Euca.Images.Engine.Workflows;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    // Copy-EucaImage's EBS routes: an EBS-backed AWS image to Eucalyptus (-ExportBucket), and an instance-store
    // Eucalyptus image to an EBS-backed AWS image (-Ebs). The help's summary and remarks are in the other part; these
    // examples are added to them.

    /// <example>
    /// <title>Make an EBS-backed AWS image from a Eucalyptus image</title>
    /// <code>$aws = Connect-EucaCloud -ProfileName aws -NoDefault
    /// Get-EucaImage -Name web-nightly | Copy-EucaImage -SourceConnection (Get-EucaCloud) -DestinationConnection $aws -Ebs -Bucket uploads -Name web-ebs -PrivateKey ./pk.pem</code>
    /// <para>Streams the bundle's disk into the AWS bucket uploads, imports it as a snapshot and emits the registered ami- image; the upload is deleted afterwards.</para>
    /// </example>
    /// <example>
    /// <title>Copy an EBS-backed AWS image into Eucalyptus, keeping the export</title>
    /// <code>$aws = Connect-EucaCloud -ProfileName aws -NoDefault
    /// Get-EucaImage -Connection $aws -Name web-on-aws | Copy-EucaImage -SourceConnection $aws -ExportBucket exports -Bucket imports -AvailabilityZone one -Name copied-from-aws -KeepExport</code>
    /// <para>AWS exports the image's disk to its bucket exports; the disk is streamed into the session's cloud, snapshotted and registered as copied-from-aws. -KeepExport leaves the exported object in exports.</para>
    /// </example>
    public sealed partial class CopyEucaImageCommand
    {
        private const string InstanceStoreSet = "InstanceStore";
        private const string FromAwsEbsSet = "FromAwsEbs";
        private const string ToAwsEbsSet = "ToAwsEbs";

        /// <summary>Make an EBS-backed image at an AWS destination from an instance-store Eucalyptus image (ImportSnapshot and RegisterImage); -Bucket is the AWS bucket the disk is uploaded to.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ToAwsEbsSet)]
        public SwitchParameter Ebs { get; set; }

        /// <summary>The S3 bucket at the AWS source that ExportImage writes an EBS-backed image's disk to (it must exist, in the source's region).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FromAwsEbsSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? ExportBucket { get; set; }

        /// <summary>The format AWS exports the disk in: Raw (default) or Vmdk (stream-optimized, smaller to move; Eucalyptus imports it as it is).</summary>
        [Parameter(ParameterSetName = FromAwsEbsSet)]
        [ValidateSet("Raw", "Vmdk")]
        public string ExportFormat { get; set; } = "Raw";

        /// <summary>Keep the exported disk in the export bucket (by default it is deleted once the copy is registered).</summary>
        [Parameter(ParameterSetName = FromAwsEbsSet)]
        public SwitchParameter KeepExport { get; set; }

        /// <summary>The destination's availability zone the disk is imported into.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FromAwsEbsSet)]
        [Alias("Zone")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AvailabilityZoneCompleter))]
        public string? AvailabilityZone { get; set; }

        // In every parameter set: a session's $PSDefaultParameterValues for '*-Euca*:PollSeconds' must not make the
        // instance-store route's parameter set ambiguous, though that route has no cloud task to wait for.

        /// <summary>How long each cloud task of the EBS routes (export, import, conversion, snapshot) may take, in seconds (default 21600); the instance-store copy waits for none.</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        public int TimeoutSeconds { get; set; } = 21600;

        /// <summary>Seconds between two polls of a cloud task of the EBS routes (default 15, as AWS's own waiters).</summary>
        [Parameter]
        [ValidateRange(0.1, 3600.0)]
        public double PollSeconds { get; set; } = 15;

        private MigrationWait Wait => new MigrationWait { Timeout = TimeSpan.FromSeconds(TimeoutSeconds), PollInterval = TimeSpan.FromSeconds(PollSeconds) };

        private void CopyEbs(string imageId, CloudConnection destination)
        {
            // The bundle and boot-image parameters come from the base all migration cmdlets share, so PowerShell binds
            // them in these sets too; refuse them rather than ignore what the user asked for.
            foreach (string name in new[] { nameof(KernelId), nameof(RamdiskId), nameof(CloudCertificate), nameof(Certificate) })
            {
                if (MyInvocation.BoundParameters.ContainsKey(name))
                {
                    throw new EucaException(ErrorIds.ImageCopyParameterNotApplicable, EucaErrorCategory.InvalidArgument,
                        $"-{name} applies only to copying an instance-store image; the EBS route ({(Ebs ? "-Ebs" : "-ExportBucket")}) makes an HVM image from a disk and has no bundle or kernel. Leave -{name} out.", name);
                }
            }

            if (Ebs)
            {
                CopyToAwsEbs(imageId, destination);
            }
            else
            {
                CopyFromAwsEbs(imageId, destination);
            }
        }

        private void CopyFromAwsEbs(string imageId, CloudConnection destination)
        {
            if (!ShouldProcess($"{imageId} at {SourceConnection}", $"Export to S3 bucket '{ExportBucket}', import into {AvailabilityZone} at {destination} through bucket '{Bucket}', and register it there"))
            {
                return;
            }

            var request = new AwsEbsCopyRequest(imageId, ExportBucket!, Bucket!, AvailabilityZone!)
            {
                ExportFormat = string.Equals(ExportFormat, "Vmdk", StringComparison.OrdinalIgnoreCase) ? Engine.Migration.ExportFormat.Vmdk : Engine.Migration.ExportFormat.Raw,
                KeepExport = KeepExport,
                ImportKeyPrefix = KeyPrefix,
                Name = Name,
                Description = Description,
                Tags = TagArguments.From(Tag),
                Upload = new ImportUploadOptions { ThrottleLimit = ThrottleLimit },
                ExportWait = Wait,
                ConversionTimeout = Wait.Timeout,
                SnapshotTimeout = Wait.Timeout,
                PollInterval = Wait.PollInterval,
            };
            ImageInfo copy = RunReportingWhenStopped("The copy was stopped.", request.Journal.Describe,
                (progress, token) => new AwsEbsImageCopier(SourceConnection!, destination).CopyAsync(request, progress, token), imageId);
            WriteObject(copy);
        }

        private void CopyToAwsEbs(string imageId, CloudConnection destination)
        {
            if (!ShouldProcess($"{imageId} at {SourceConnection}", $"Upload its disk to S3 bucket '{Bucket}' at {destination}, import it as a snapshot and register an EBS-backed image there"))
            {
                return;
            }

            var request = new EucaToAwsEbsRequest(imageId, Bucket!, RequirePrivateKey(SourceConnection!.Settings.PrivateKeyPath))
            {
                Name = Name,
                Description = Description,
                Tags = TagArguments.From(Tag),
                ImportWait = Wait,
            };
            if (KeyPrefix != null)
            {
                request.KeyPrefix = KeyPrefix.TrimEnd('/') + "/";
            }

            ImageInfo copy = RunReportingWhenStopped("The copy was stopped.", request.Journal.Describe,
                (progress, token) => new EucaToAwsEbsCopier(SourceConnection!, destination).CopyAsync(request, progress, token), imageId);
            WriteObject(copy);
        }
    }
}
