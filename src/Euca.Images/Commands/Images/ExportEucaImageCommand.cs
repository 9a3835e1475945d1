using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Arguments;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Workflows;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    /// <summary>Exports an instance-store image's disk to a local RAW, VHDX or VMDK file, for Hyper-V, VMware or another cloud.</summary>
    /// <remarks>
    /// <para>Describes the image, reads the manifest its location names, verifies the manifest's signature with
    /// -Certificate or the connection's certificate (EC2_CERT), and opens the bundle key with your private key. The
    /// parts then stream download, decrypt, gunzip and untar straight into the disk file: no part and no raw copy is
    /// stored, and memory stays the same whatever the image size. Every part's SHA-1, the image digest and the size
    /// are checked on the way.</para>
    /// <para>Formats: Raw is the disk as a sparse file; Vhdx is a dynamic VHDX with 32 MiB blocks, as Hyper-V makes
    /// it; Vmdk is a stream-optimized VMDK, the variant VMware's OVF tools, vSphere and AWS VM Import take. Without
    /// -Format the destination's extension chooses (.vhdx, .vmdk, else Raw). All-zero stretches of the disk are not
    /// stored in any of them. VHDX and VMDK count the disk in 512-byte sectors, so an image whose size is not a
    /// whole number of sectors is rounded up with zeros.</para>
    /// <para>The file is written under a temporary name beside the destination and renamed when complete: a failed
    /// check, a lost connection or Ctrl+C leaves nothing behind. An existing destination is refused, before anything
    /// is downloaded, unless -Force is given.</para>
    /// <para>EBS-backed images cannot be exported: Eucalyptus has no image export. The error says what to do
    /// instead (make an instance-store image of it, or copy the disk from a volume made from its snapshot).</para>
    /// </remarks>
    /// <example>
    /// <title>Export an image for Hyper-V</title>
    /// <code>Get-EucaImage -Name web-nightly | Export-EucaImage -Destination ./web-nightly.vhdx</code>
    /// <para>Writes a dynamic VHDX (the extension chooses the format) and shows its virtual size, file size and the bytes of data stored.</para>
    /// </example>
    /// <example>
    /// <title>Export every image of a name as stream-optimized VMDKs for VMware or AWS</title>
    /// <code>Get-EucaImage -Name 'web-*' | ForEach-Object { Export-EucaImage -ImageId $_.ImageId -Destination "./$($_.Name).vmdk" -Format Vmdk -Force }</code>
    /// <para>One file per image; files left by an earlier run are replaced.</para>
    /// </example>
    /// <example>
    /// <title>Check what would be written</title>
    /// <code>Get-EucaImage -Name web-nightly | Export-EucaImage -Destination ./web-nightly.raw -WhatIf</code>
    /// <para>Says which file would be written in which format; nothing is downloaded or written.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.ExpandEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.DiskImages.GetEucaDiskImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.DiskImages.ConvertToEucaRawImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Install.InstallEucaImageCommand"/>
    [Cmdlet(VerbsData.Export, "EucaImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ExportedImage))]
    public sealed class ExportEucaImageCommand : EucaCloudCmdlet
    {
        /// <summary>The instance-store image (emi-, eki- or eri-) whose disk is exported; binds from Get-EucaImage's objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageIdCompleter))]
        public string? ImageId { get; set; }

        /// <summary>The disk file to write.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>Raw (a sparse file), Vhdx (dynamic) or Vmdk (stream-optimized); by default chosen by the destination's extension.</summary>
        [Parameter]
        [ValidateSet("Raw", "Vhdx", "Vmdk")]
        public string? Format { get; set; }

        /// <summary>Your private key, which opens the bundle key (the cloud's opens it too); by default the connection's private key (EC2_PRIVATE_KEY).</summary>
        [Parameter]
        public string? PrivateKey { get; set; }

        /// <summary>The password of an encrypted private key; without it you are prompted.</summary>
        [Parameter]
        public SecureString? PrivateKeyPassword { get; set; }

        /// <summary>
        /// The certificate of the user who signed the manifest (a path or an X509Certificate2); by default the
        /// connection's certificate (EC2_CERT). The export is refused when the manifest's signature does not verify with it.
        /// </summary>
        [Parameter]
        public CertificateArgument? Certificate { get; set; }

        /// <summary>Replace the destination file when it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void RequireSettings(CloudSettings settings) =>
            settings.Require(CloudSettingNames.ComputeUrl, CloudSettingNames.ObjectStorageUrl, CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (!TryCheckId(ResourceIdPattern.Image, ImageId, out string imageId))
            {
                return;
            }

            string destination = ResolvePath(Destination!);
            DiskFormat format = ChosenFormat(destination);
            if (!ShouldProcess(destination, $"Export the disk of {imageId} as {format}"))
            {
                return;
            }

            var keys = new KeyMaterialResolver(this);
            RSA privateKey = keys.PrivateKey(PrivateKey, AvailableSettings.PrivateKeyPath, PrivateKeyPassword)
                ?? throw new EucaException(ErrorIds.PrivateKeyMissing, EucaErrorCategory.InvalidArgument,
                    "Exporting an image needs your private key to open its bundle: pass -PrivateKey, or set EC2_PRIVATE_KEY.", "PrivateKey");
            X509Certificate2? signer = keys.Certificate(Certificate, AvailableSettings.CertificatePath);
            if (signer is null)
            {
                WriteWarning(ManifestTrust.NotVerifiedWarning(imageId));
            }

            var request = new ImageExportRequest(imageId, destination, format, privateKey) { Signer = signer, Force = Force };
            var connection = CurrentConnection;
            WriteObject(RunEngine((progress, token) => ImageExporter.ExportAsync(connection, request, progress, token), imageId));
        }

        private DiskFormat ChosenFormat(string destination)
        {
            if (Format is not null)
            {
                return (DiskFormat)Enum.Parse(typeof(DiskFormat), Format, ignoreCase: true);
            }

            switch (Path.GetExtension(destination).ToLowerInvariant())
            {
                case ".vhdx":
                    return DiskFormat.Vhdx;
                case ".vmdk":
                    return DiskFormat.Vmdk;
                default:
                    return DiskFormat.Raw;
            }
        }
    }
}
