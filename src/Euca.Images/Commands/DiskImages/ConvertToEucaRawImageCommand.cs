using System.Management.Automation;
using Euca.Images.Engine.DiskImages.Conversion;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.DiskImages
{
    /// <summary>Converts a VHD, VHDX, VMDK or QCOW2 disk image (or a raw one) into a sparse raw disk file.</summary>
    /// <remarks>
    /// <para>Reads the image natively (no qemu-img needed), recognising its format by content as Get-EucaDiskImage
    /// does, and writes the raw disk: exactly the image's virtual size, with the image's unallocated regions and any
    /// all-zero stretches left as holes, so the file takes only the space of its data. The unallocated regions of the
    /// source are never read.</para>
    /// <para>The file is written under a temporary name beside the destination and renamed when complete: if the
    /// source is refused (damaged, truncated, differencing, encrypted, an unsupported kind), the disk fills up or the
    /// command is stopped, nothing is left behind. An existing destination is kept unless -Force is given. The
    /// bundling and import cmdlets take these formats directly; convert only when you need the raw file itself.</para>
    /// </remarks>
    /// <example>
    /// <title>Convert a Hyper-V disk</title>
    /// <code>ConvertTo-EucaRawImage -Path ./web.vhdx -Destination ./web.raw</code>
    /// <para>Writes ./web.raw as a sparse file and shows its size and how many bytes of data were written.</para>
    /// </example>
    /// <example>
    /// <title>Convert every QCOW2 image in a folder</title>
    /// <code>Get-ChildItem ./kvm -Filter *.qcow2 | ForEach-Object { ConvertTo-EucaRawImage -Path $_.FullName -Destination ($_.FullName -replace '\.qcow2$', '.raw') -Force }</code>
    /// <para>Replaces raw files left by an earlier run.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.DiskImages.GetEucaDiskImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.NewEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.InstallEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.ImportEucaVolumeCommand"/>
    [Cmdlet(VerbsData.ConvertTo, "EucaRawImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(RawImageConversion))]
    public sealed class ConvertToEucaRawImageCommand : EucaCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>
        /// The disk image to convert: VHD, VHDX, VMDK, QCOW2 or raw, recognised by its content. Wildcards must match
        /// one file.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The disk image, taken as it is (no wildcards); files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary>The raw file to write.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>Replace the destination file when it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            string source = ResolveSingleInputPath(Path, LiteralPath);
            string destination = ResolvePath(Destination!);
            if (!ShouldProcess(destination, $"Write the raw disk of {source}"))
            {
                return;
            }

            WriteObject(RunEngine((progress, token) => RawImageConverter.ConvertAsync(source, destination, Force, progress, token), source));
        }
    }
}
