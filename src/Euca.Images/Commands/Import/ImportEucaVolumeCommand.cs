using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Import;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Import
{
    /// <summary>Imports a disk image as an EBS volume (ImportVolume), uploading it in raw parts with an import manifest.</summary>
    /// <remarks>
    /// <para>Does what euca-import-volume does: checks the bucket (creating it when missing), asks the cloud for an
    /// ImportVolume conversion task whose manifest URL is pre-signed for -ExpiresInDays days (S3 signature version 2,
    /// which allows 30-day URLs), then uploads the import manifest (version 2010-11-15) and the disk in 10 MiB raw parts,
    /// several at once, checking each part's ETag against its MD5. Only HTTP 500/503, timeouts and connection resets
    /// are retried. The cloud's imaging service then writes the parts into a new volume; follow it with
    /// Wait-EucaConversionTask.</para>
    /// <para>If the upload stops, the error says which stage failed, which task and objects are left, and the exact
    /// Resume-EucaImport or Stop-EucaConversionTask -RemoveDiskImage command to run. A task can be resumed until it
    /// expires (7 days on Eucalyptus). The connection needs both the compute and the object storage URL.</para>
    /// </remarks>
    /// <example>
    /// <title>Import a raw disk as a volume and wait for it</title>
    /// <code>Import-EucaVolume -Path ./centos7.raw -AvailabilityZone one -Bucket imports | Wait-EucaConversionTask</code>
    /// <para>Uploads the disk, then waits until the volume exists and shows the completed task with its VolumeId.</para>
    /// </example>
    /// <example>
    /// <title>Import a Hyper-V disk</title>
    /// <code>Import-EucaVolume -Path ./web.vhdx -AvailabilityZone one -Bucket imports</code>
    /// <para>Eucalyptus accepts only RAW and VMDK: the VHDX is sent as its raw disk, converted part by part on the fly.</para>
    /// </example>
    /// <example>
    /// <title>Import a VMDK into a larger volume under a prefix</title>
    /// <code>Import-EucaVolume -Path ./web.vmdk -VolumeSize 20 -AvailabilityZone one -Bucket imports -KeyPrefix web -Description 'web tier'</code>
    /// <para>A sparse or stream-optimized VMDK is sent as it is; the volume size must hold its virtual disk size.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Import.WaitEucaConversionTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.ResumeEucaImportCommand"/>
    /// <seealso cref="Euca.Images.Commands.Snapshots.NewEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.NewEucaEbsImageCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsData.Import, "EucaVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ConversionTaskInfo))]
    public sealed class ImportEucaVolumeCommand : ImportDiskCommandBase
    {
        /// <summary>The availability zone of the new volume.</summary>
        [Parameter(Mandatory = true)]
        [Alias("Zone")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AvailabilityZoneCompleter))]
        public string? AvailabilityZone { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            string path = ResolvedPath();
            if (!ShouldProcess(path, $"Import as a volume in {AvailabilityZone} through bucket {Bucket}"))
            {
                return;
            }

            var request = new VolumeImportRequest(path, Bucket!, AvailabilityZone!);
            Fill(request);
            var service = new ImportService(CurrentConnection);
            WriteObject(RunReportingWhenStopped("The import was stopped.", request.Upload.Journal.Describe,
                (progress, token) => service.ImportVolumeAsync(request, progress, token), path));
        }
    }
}
