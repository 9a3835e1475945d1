using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.DiskImages.Writers;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// Exports an instance-store image's disk to a local file in the format another hypervisor or cloud takes (raw,
    /// VHDX for Hyper-V, stream-optimized VMDK for VMware and AWS): the image's manifest is located by describing the
    /// image and its signature verified, then the parts stream download -> decrypt -> gunzip -> untar straight into
    /// the format's writer, with no raw copy anywhere and memory that does not grow with the disk. The file is
    /// written under a temporary name beside the destination and renamed only when every check passed.
    /// </summary>
    public static class ImageExporter
    {
        public static async Task<ExportedImage> ExportAsync(CloudConnection connection, ImageExportRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            // Checked before anything is asked of the cloud; checked again when the file is renamed into place.
            if (Directory.Exists(request.Destination) || (File.Exists(request.Destination) && !request.Force))
            {
                throw new EucaException(ErrorIds.ExportDestinationExists, EucaErrorCategory.ResourceExists,
                    $"'{request.Destination}' already exists{(Directory.Exists(request.Destination) ? " and is a folder" : "")}. Give -Force to replace the file, or another -Destination.",
                    request.Destination);
            }

            ImageInfo image = await DescribeAsync(connection, request.ImageId, ct).ConfigureAwait(false);
            StoredBundle bundle = await StoredBundle.OpenAsync(connection, BundleOf(image), request.PrivateKey, request.Signer, request.Retry, ct).ConfigureAwait(false);
            return await WriteAsync(bundle, request, image.ImageId, progress, ct).ConfigureAwait(false);
        }

        /// <summary>Where the image's disk is: the bundle its manifest location names; EBS-backed images have none.</summary>
        internal static ManifestLocation BundleOf(ImageInfo image)
        {
            if (image.RootDeviceType == RootDeviceKind.Ebs)
            {
                throw new EucaException(ErrorIds.ExportImageEbsBacked, EucaErrorCategory.InvalidOperation,
                    $"The image {image} is EBS-backed: its disk is a snapshot, and Eucalyptus has no image export. Make an instance-store image of it " +
                    "(run an instance of it, bundle that instance with New-EucaInstanceBundle, then export the new image), or attach a volume made " +
                    "from its snapshot to an instance and copy the disk from there.", image.ImageId);
            }

            if (string.IsNullOrEmpty(image.ImageLocation))
            {
                throw new EucaException(ErrorIds.ExportImageNoBundle, EucaErrorCategory.InvalidOperation,
                    $"The image {image} has no manifest location, so there is no bundle to read its disk from (its state is '{image.State}').", image.ImageId);
            }

            return ManifestLocation.Parse(image.ImageLocation!);
        }

        /// <summary>Streams an opened bundle into the destination file; a failure or stop leaves no file behind.</summary>
        internal static async Task<ExportedImage> WriteAsync(StoredBundle bundle, ImageExportRequest request, string imageId, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            string activity = $"Exporting {imageId} to {Path.GetFileName(request.Destination)} ({request.Format})";
            IProgress<OperationProgress>? exporting = progress == null ? null : new ProgressCallback(p =>
                progress.Report(new OperationProgress(activity, p.BytesDone, p.BytesTotal, elapsed: p.Elapsed)));
            using (ImageFileWriter output = ImageFileWriter.Create(request.Destination, request.Force))
            {
                DiskImageWriter writer = DiskImageWriter.Create(request.Format, output.Stream, bundle.ImageSize, Path.GetFileName(request.Destination));
                await bundle.ExpandIntoAsync(writer, exporting, ct).ConfigureAwait(false);
                long fileSize;
                try
                {
                    writer.Complete();
                    fileSize = output.Stream.Length;
                    output.Commit();
                }
                catch (IOException e)
                {
                    throw new EucaException(ErrorIds.ImageWriteFailed, EucaErrorCategory.ResourceUnavailable,
                        $"The disk image '{request.Destination}' cannot be written: {e.Message} Nothing was left behind.", request.Destination, e);
                }

                return new ExportedImage(imageId, output.Path, writer.Format, writer.Subformat, writer.VirtualSize, fileSize, writer.DataBytes, bundle.Location.ToString());
            }
        }

        private static async Task<ImageInfo> DescribeAsync(CloudConnection connection, string imageId, CancellationToken ct)
        {
            ResourceListing<ImageInfo> found = await new ImageService(connection).GetImagesAsync(new ImageQuery { ImageIds = new[] { imageId } }, ct).ConfigureAwait(false);
            if (found.Errors.Count > 0)
            {
                throw found.Errors[0];
            }

            return found.Items.FirstOrDefault() ?? throw ImageResource.Kind.NotFound(imageId);
        }
    }
}
