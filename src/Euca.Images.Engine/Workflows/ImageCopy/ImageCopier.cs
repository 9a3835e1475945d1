using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Lifecycle;
using Euca.Images.Engine.Images.Registration;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tags;

namespace Euca.Images.Engine.Workflows.ImageCopy
{
    /// <summary>
    /// Copy-EucaImage: an image of one cloud registered at another. The route depends on the source's kind, decided in
    /// <see cref="CopyAsync"/> and nowhere else. An instance-store image's bundle is copied bucket to bucket
    /// (<see cref="StoredBundleCopier"/>), its manifest converted for the destination cloud's certificate and stored
    /// last, then registered with the source's architecture, virtualization, platform and description unless
    /// overridden, and tagged. A failure leaves no registered image and no manifest at the destination; the verified
    /// parts stay, so the same command with -Resume finishes without sending them again.
    /// </summary>
    public sealed class ImageCopier
    {
        private static readonly TimeSpan s_rollbackTimeout = TimeSpan.FromSeconds(60);

        private readonly CloudConnection _source;
        private readonly CloudConnection _destination;
        private ImageCopyRequest? _request;

        public ImageCopier(CloudConnection source, CloudConnection destination)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _destination = destination ?? throw new ArgumentNullException(nameof(destination));
        }

        /// <summary>Copies the image and returns the copy as the destination describes it.</summary>
        public async Task<ImageInfo> CopyAsync(ImageCopyRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            _request = request ?? throw new ArgumentNullException(nameof(request));
            ImageInfo image = await DescribeSourceAsync(request.SourceImageId, ct).ConfigureAwait(false);
            switch (image.RootDeviceType)
            {
                case RootDeviceKind.Ebs:
                    throw EbsSourceUnsupported(image);
                default:
                    return await CopyInstanceStoreAsync(image, request, progress, ct).ConfigureAwait(false);
            }
        }

        /// <summary>What an interrupted copy left at the destination and the command that finishes it (for Ctrl+C).</summary>
        public string DescribeLeftovers()
        {
            if (_request == null)
            {
                return "Nothing was copied.";
            }

            BundleTransferJournal journal = _request.Target.Journal;
            int stored = journal.StoredKeys.Count;
            string where = journal.ManifestLocation ?? _request.Target.Bucket;
            string resume = _request.ResumeCommand == null ? string.Empty : $" To finish the copy: {_request.ResumeCommand}.";
            return $"No image is registered and no manifest is stored at the destination; {stored} verified part(s) of '{where}' are stored there.{resume}" +
                (stored == 0 ? string.Empty : $" To remove them instead: Remove-EucaBundle -ManifestLocation {where}.");
        }

        private async Task<ImageInfo> DescribeSourceAsync(string imageId, CancellationToken ct)
        {
            ResourceListing<ImageInfo> listing = await new ImageService(_source).GetImagesAsync(new ImageQuery { ImageIds = new[] { imageId } }, ct).ConfigureAwait(false);
            EucaException? error = listing.Errors.FirstOrDefault();
            if (error != null)
            {
                throw error;
            }

            return listing.Items.First();
        }

        private static EucaException EbsSourceUnsupported(ImageInfo image) =>
            new EucaException(ErrorIds.ImageCopyEbsSourceUnsupported, EucaErrorCategory.NotImplemented,
                $"The image {image.ImageId} is EBS-backed; Copy-EucaImage copies instance-store images. Eucalyptus has no image export, so an EBS-backed " +
                "Eucalyptus image is moved another way: run an instance of it and make an instance-store image with New-EucaImage (or bundle the " +
                "instance), then copy that; or export the root volume's data and import it at the destination with New-EucaEbsImage.",
                image.ImageId);

        private async Task<ImageInfo> CopyInstanceStoreAsync(ImageInfo image, ImageCopyRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (string.IsNullOrEmpty(image.ImageLocation))
            {
                throw new EucaException(ErrorIds.ImageCopySourceLocationMissing, EucaErrorCategory.InvalidData,
                    $"The cloud reports no manifest location for the instance-store image {image.ImageId}, so its bundle cannot be read.", image.ImageId);
            }

            bool isMachine = image.ImageType is null || image.ImageType == ImageKind.Machine;
            var finder = new BootImageFinder(_source, _destination);
            string? kernelId = isMachine ? await finder.KernelAsync(image, request.KernelId, ct).ConfigureAwait(false) : null;
            string? ramdiskId = isMachine ? await finder.RamdiskAsync(image, request.RamdiskId, ct).ConfigureAwait(false) : null;
            var copy = new StoredBundleCopyRequest(image.ImageLocation!, request.Target, new ManifestConversionRequest(request.PrivateKey, request.DestinationCloudCertificate)
            {
                PrivateKeyName = request.PrivateKeyName,
                UserCertificate = request.UserCertificate,
                KernelId = kernelId,
                RamdiskId = ramdiskId,
            })
            {
                Resume = request.Resume,
            };
            // Checked before any byte moves: a name or description the destination would refuse fails now, not after the copy.
            ImageRegistrationPlan plan = ImageRegistrationRules.Check(Registration(image, request, copy.DestinationLocation.ToString(), kernelId, ramdiskId, isMachine));

            BundleUpload upload;
            try
            {
                upload = await StoredBundleCopier.CopyAsync(_source, _destination, copy, progress, ct).ConfigureAwait(false);
            }
            catch (EucaException failure)
            {
                throw new EucaException(failure, $"Copying {image.ImageId} failed: {failure.Message} {DescribeLeftovers()}");
            }

            return await RegisterAsync(image, plan, upload, request, ct).ConfigureAwait(false);
        }

        private static ImageRegistrationRequest Registration(ImageInfo image, ImageCopyRequest request, string location, string? kernelId, string? ramdiskId, bool isMachine) =>
            isMachine
                ? new ImageRegistrationRequest
                {
                    Name = request.Name ?? image.Name ?? image.ImageId,
                    ImageLocation = location,
                    Architecture = image.Architecture,
                    Description = request.Description ?? image.Description,
                    KernelId = kernelId,
                    RamdiskId = ramdiskId,
                    Platform = image.Platform,
                    // A kernel given for an HVM source makes the copy paravirtual: that is what booting a kernel image means.
                    VirtualizationType = kernelId is null ? image.VirtualizationType ?? VirtualizationKind.Hvm : VirtualizationKind.Paravirtual,
                }
                : new ImageRegistrationRequest
                {
                    Name = request.Name ?? image.Name ?? image.ImageId,
                    ImageLocation = location,
                    Architecture = image.Architecture,
                    Description = request.Description ?? image.Description,
                };

        /// <summary>Registers and tags the copy; on failure the image and the manifest go again, the parts stay for -Resume.</summary>
        private async Task<ImageInfo> RegisterAsync(ImageInfo source, ImageRegistrationPlan plan, BundleUpload upload, ImageCopyRequest request, CancellationToken ct)
        {
            ImageInfo? registered = null;
            try
            {
                registered = await new ImageRegistration(_destination).RegisterAsync(plan, ct).ConfigureAwait(false);
                if (request.Tags.Count > 0)
                {
                    await new TagService(_destination).CreateTagsAsync(new[] { registered.ImageId }, request.Tags, ct).ConfigureAwait(false);
                    registered.Tags = request.Tags;
                }

                return registered;
            }
            catch (Exception failure) when (failure is EucaException || failure is OperationCanceledException)
            {
                string undone = await RollBackAsync(registered?.ImageId, ManifestLocation.Parse(upload.ManifestLocation)).ConfigureAwait(false);
                if (failure is EucaException euca)
                {
                    throw new EucaException(euca, $"Registering the copy of {source.ImageId} failed: {euca.Message} {undone}");
                }

                throw;
            }
        }

        /// <summary>Undoes the registration with a fresh token (the caller's may be cancelled).</summary>
        private async Task<string> RollBackAsync(string? imageId, ManifestLocation manifest)
        {
            using var timeout = new CancellationTokenSource(s_rollbackTimeout);
            try
            {
                if (imageId != null)
                {
                    await new ImageDeregistration(_destination) { PollInterval = TimeSpan.FromMilliseconds(250) }
                        .PurgeAsync(imageId, s_rollbackTimeout, null, timeout.Token).ConfigureAwait(false);
                }

                await StoredBundleCopier.RemoveManifestAsync(_destination, manifest, timeout.Token).ConfigureAwait(false);
                _request!.Target.Journal.ManifestStored = false;
                return DescribeLeftovers();
            }
            catch (Exception undo) when (undo is EucaException || undo is OperationCanceledException)
            {
                return $"Undoing it failed too ({undo.Message}): check for {imageId ?? "the image"} with Get-EucaImage and remove the manifest {manifest} with Remove-EucaBundle.";
            }
        }
    }
}
