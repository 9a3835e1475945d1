using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Import;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Import
{
    /// <summary>Finishes an interrupted disk import: uploads the manifest and the parts object storage does not have yet.</summary>
    /// <remarks>
    /// <para>Does what euca-resume-import does: looks the task up (DescribeConversionTasks), which must still be active
    /// and unexpired; reads the import manifest from object storage, or builds and uploads it again when it is missing;
    /// then checks each part (HEAD) and sends only the missing ones, or ones of the wrong size. The local file must be the
    /// one the import started with: its size must equal the manifest's last byte-range end + 1.</para>
    /// </remarks>
    /// <example>
    /// <title>Resume after a broken connection</title>
    /// <code>Get-EucaConversionTask | Where-Object State -eq active | Resume-EucaImport -Path ./centos7.raw</code>
    /// <para>Sends what is missing and emits the task; the task id binds from the piped task. The warning of a
    /// stopped import names the task: Resume-EucaImport -ConversionTaskId import-vol-... -Path ./centos7.raw.</para>
    /// </example>
    /// <example>
    /// <title>Resume the newest active import and wait</title>
    /// <code>$task = Get-EucaConversionTask | Where-Object State -eq active | Select-Object -Last 1; Resume-EucaImport $task.ConversionTaskId ./centos7.raw | Wait-EucaConversionTask</code>
    /// <para>The task id and the path are positional.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Import.ImportEucaVolumeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.ImportEucaInstanceCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.WaitEucaConversionTaskCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsLifecycle.Resume, "EucaImport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ConversionTaskInfo))]
    public sealed class ResumeEucaImportCommand : EucaCloudCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The conversion task to resume (import-vol-… or import-i-…).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TaskId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConversionTaskIdCompleter))]
        public string? ConversionTaskId { get; set; }

        /// <summary>The disk image file the import started with; wildcards must match one file.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The disk image file the import started with, taken as it is (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary>How many days the URLs of a rebuilt manifest stay valid (default 30).</summary>
        [Parameter]
        [ValidateRange(1, 3650)]
        public int ExpiresInDays { get; set; } = 30;

        /// <summary>How many parts are uploaded at once (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The part size in bytes used when the manifest must be rebuilt; for tests.</summary>
        [Parameter(DontShow = true)]
        [ValidateRange(1024, int.MaxValue)]
        public long PartSize { get; set; } = ImportPartPlan.DefaultPartSize;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            string path = ResolveSingleInputPath(Path, LiteralPath);
            if (!System.IO.File.Exists(path))
            {
                string given = LiteralPath ?? Path!;
                throw new EucaException(ErrorIds.ImportFileNotFound, EucaErrorCategory.ObjectNotFound, $"The disk image '{given}' does not exist.", given);
            }

            if (!ShouldProcess(ConversionTaskId, $"Upload the missing parts of {path}"))
            {
                return;
            }

            var service = new ImportService(CurrentConnection);
            var upload = new ImportUploadOptions { ThrottleLimit = ThrottleLimit, PartSize = PartSize };
            string id = ConversionTaskId!;
            WriteObject(RunReportingWhenStopped("The import was stopped.", upload.Journal.Describe,
                (progress, token) => service.ResumeImportAsync(id, path, ExpiresInDays, upload, progress, token), id));
        }
    }
}
