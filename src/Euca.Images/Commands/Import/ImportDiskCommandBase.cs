using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Import;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Import
{
    /// <summary>The parameters Import-EucaVolume and Import-EucaInstance share: the disk file, where it is uploaded, and how.</summary>
    public abstract class ImportDiskCommandBase : EucaCloudCmdlet
    {
        /// <summary>The parameter set of -Path, the default of every derived cmdlet.</summary>
        protected const string PathSet = "Path";

        private const string LiteralPathSet = "LiteralPath";

        /// <summary>
        /// The disk image file to import: raw, VHD, VHDX, QCOW2 or VMDK, recognised by its content. A sparse or
        /// stream-optimized VMDK is sent as it is; every other format is sent as its raw disk, converted on the fly.
        /// Wildcards must match one file.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The disk image file, taken as it is (no wildcards); files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary>The bucket for the parts and the import manifest; it is created when it does not exist.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketCompleter))]
        public string? Bucket { get; set; }

        /// <summary>A folder in the bucket above the per-import folder (euca2ools' --prefix).</summary>
        [Parameter]
        [Alias("Prefix")]
        [ArgumentCompleter(typeof(KeyPrefixCompleter))]
        public string? KeyPrefix { get; set; }

        /// <summary>
        /// What is sent, as the import service accepts only these two: Raw (the raw disk of any format, converted on
        /// the fly) or Vmdk (a sparse or stream-optimized VMDK as it is). By default such a VMDK is sent as it is and
        /// everything else as raw.
        /// </summary>
        [Parameter]
        [ValidateSet("Raw", "Vmdk")]
        public string? Format { get; set; }

        /// <summary>The size in GiB of the volume to create; by default the image size rounded up.</summary>
        [Parameter]
        [ValidateRange(1, 16384)]
        public long VolumeSize { get; set; }

        /// <summary>A description of the import.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Description { get; set; }

        /// <summary>How many days the manifest's pre-signed URLs stay valid (default 30, as euca2ools).</summary>
        [Parameter]
        [ValidateRange(1, 3650)]
        public int ExpiresInDays { get; set; } = 30;

        /// <summary>How many parts are uploaded at once (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The part size in bytes (default 10 MiB), as euca2ools' hidden --part-size; for tests.</summary>
        [Parameter(DontShow = true)]
        [ValidateRange(1024, int.MaxValue)]
        public long PartSize { get; set; } = ImportPartPlan.DefaultPartSize;

        /// <summary>The first retry delay of a failed part upload; for tests.</summary>
        [Parameter(DontShow = true)]
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The full path of <see cref="Path"/> or <see cref="LiteralPath"/>, checked to exist.</summary>
        protected string ResolvedPath()
        {
            string path = ResolveSingleInputPath(Path, LiteralPath);
            if (!System.IO.File.Exists(path))
            {
                string given = LiteralPath ?? Path!;
                throw new EucaException(ErrorIds.ImportFileNotFound, EucaErrorCategory.ObjectNotFound, $"The disk image '{given}' does not exist.", given);
            }

            return path;
        }

        /// <summary>Copies the shared parameters into an engine request.</summary>
        protected void Fill(DiskImportRequest request)
        {
            request.KeyPrefix = KeyPrefix;
            request.Format = Format == null ? (ImportDiskFormat?)null
                : string.Equals(Format, "Vmdk", StringComparison.OrdinalIgnoreCase) ? ImportDiskFormat.Vmdk : ImportDiskFormat.Raw;
            request.VolumeSize = VolumeSize > 0 ? VolumeSize : (long?)null;
            request.Description = Description;
            request.ExpiresInDays = ExpiresInDays;
            request.Upload = new ImportUploadOptions { ThrottleLimit = ThrottleLimit, PartSize = PartSize, RetryDelay = RetryDelay };
        }
    }
}
