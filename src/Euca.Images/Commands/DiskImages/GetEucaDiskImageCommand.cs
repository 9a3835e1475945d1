using System.Management.Automation;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.DiskImages
{
    /// <summary>Reports the format, subformat, virtual size and allocated size of a disk image file.</summary>
    /// <remarks>
    /// <para>Recognises the format by the file's content, never by its name: VHDX, QCOW2 (versions 2 and 3), VMDK
    /// (monolithicSparse, streamOptimized, or a monolithicFlat descriptor with its extent files), VHD (dynamic and
    /// fixed) and, when none of these matches, raw. Every header and allocation table is checked as it is read, so a
    /// damaged, truncated or crafted image is refused with a stable error id (DiskImageHeaderInvalid,
    /// DiskImageTableInvalid, DiskImageBeyondFile), and images that need another file (differencing VHD, VHDX with a
    /// parent, QCOW2 with a backing file) or a key (encrypted QCOW2) are refused with their own ids.</para>
    /// <para>VirtualSize is the size of the raw disk (what ConvertTo-EucaRawImage writes, what the bundling and import
    /// cmdlets send); AllocatedSize is how much of it the image stores. Any image this cmdlet reads can be given
    /// directly to New-EucaBundle, Install-EucaImage, New-EucaEbsImage, Import-EucaVolume and Import-EucaInstance.</para>
    /// </remarks>
    /// <example>
    /// <title>Inspect a Hyper-V disk</title>
    /// <code>Get-EucaDiskImage ./web.vhdx</code>
    /// <para>Shows Format Vhdx, Subformat dynamic, the virtual size and how much of it is allocated.</para>
    /// </example>
    /// <example>
    /// <title>List the formats of every disk in a folder</title>
    /// <code>Get-ChildItem ./disks -File | Get-EucaDiskImage | Sort-Object VirtualSize</code>
    /// <para>Files bind from the pipeline by their path.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.DiskImages.ConvertToEucaRawImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.NewEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.InstallEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.NewEucaEbsImageCommand"/>
    [Cmdlet(VerbsCommon.Get, "EucaDiskImage", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(DiskImageInfo))]
    public sealed class GetEucaDiskImageCommand : EucaCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The disk image file; wildcards name every file they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The disk image file, taken as it is (no wildcards); files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            foreach (string path in ResolveInputPaths(Path, LiteralPath))
            {
                using DiskImage disk = DiskImage.Open(path);
                WriteObject(disk.Describe());
            }
        }
    }
}
