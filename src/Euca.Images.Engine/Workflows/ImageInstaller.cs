using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Attributes;
using Euca.Images.Engine.Images.Lifecycle;
using Euca.Images.Engine.Images.Registration;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tags;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// euca-install-image, streamed: each image is bundled and uploaded in one pass (no whole bundle on disk), then
    /// registered. A paravirtual set installs the kernel, then the ramdisk, then the machine image that boots with them.
    /// The call is all or nothing: on failure or Ctrl+C it deregisters the images it registered and removes the bundles
    /// it uploaded (unless asked to keep them), and says what it removed and what it left.
    /// </summary>
    public sealed class ImageInstaller
    {
        private static readonly TimeSpan s_rollbackTimeout = TimeSpan.FromSeconds(60);

        private readonly CloudConnection _connection;
        private readonly List<string> _uploaded = new List<string>();
        private readonly List<string> _registered = new List<string>();

        public ImageInstaller(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>Installs the request's images and returns them in install order (kernel, ramdisk, machine).</summary>
        public async Task<IReadOnlyList<ImageInfo>> InstallAsync(ImageInstallRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            CheckBeforeUploading(request);

            var installed = new List<ImageInfo>();
            string stage = "checking";
            try
            {
                string? kernelId = request.Machine.Properties.KernelId;
                string? ramdiskId = request.Machine.Properties.RamdiskId;
                if (request.Kernel is BundleCreateRequest kernel)
                {
                    stage = "installing the kernel";
                    ImageInfo image = await InstallOneAsync(request, kernel, request.Name + "-kernel", null, null, progress, ct).ConfigureAwait(false);
                    installed.Add(image);
                    kernelId = image.ImageId;
                }

                if (request.Ramdisk is BundleCreateRequest ramdisk)
                {
                    stage = "installing the ramdisk";
                    ImageInfo image = await InstallOneAsync(request, ramdisk, request.Name + "-ramdisk", null, null, progress, ct).ConfigureAwait(false);
                    installed.Add(image);
                    ramdiskId = image.ImageId;
                }

                stage = "installing the machine image";
                // The manifest names the kernel and ramdisk too, as euca-bundle-image --kernel/--ramdisk writes them.
                request.Machine.Properties.KernelId = kernelId;
                request.Machine.Properties.RamdiskId = ramdiskId;
                installed.Add(await InstallOneAsync(request, request.Machine, request.Name, kernelId, ramdiskId, progress, ct).ConfigureAwait(false));
                return installed;
            }
            catch (Exception failure) when (failure is EucaException || failure is OperationCanceledException)
            {
                string cleanup = await RollBackAsync(request.KeepBundle).ConfigureAwait(false);
                if (failure is EucaException euca)
                {
                    throw new EucaException(euca, $"Installing '{request.Name}' failed while {stage}: {euca.Message} {cleanup}");
                }

                throw;
            }
        }

        /// <summary>
        /// Registration rules (name, architecture, virtualization, devices) are checked before gigabytes are uploaded.
        /// A kernel or ramdisk installed by this same call has no id yet; a well-formed stand-in takes its place.
        /// </summary>
        private static void CheckBeforeUploading(ImageInstallRequest request)
        {
            BundleImageProperties machine = request.Machine.Properties;
            machine.ImageName = request.Machine.Prefix ?? System.IO.Path.GetFileName(request.Machine.ImagePath);
            BundleManifestFactory.Normalize(machine);
            ImageRegistrationRules.Check(RegistrationFor(request, request.Name, "check/check.manifest.xml",
                request.Kernel is null ? request.Machine.Properties.KernelId : "eki-00000000",
                request.Ramdisk is null ? request.Machine.Properties.RamdiskId : "eri-00000000"));
        }

        private async Task<ImageInfo> InstallOneAsync(ImageInstallRequest request, BundleCreateRequest bundle, string name,
            string? kernelId, string? ramdiskId, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            var send = new BundleCreateAndSendRequest(bundle, CopyTarget(request.Target), request.MaxPendingParts);
            // Checked here rather than by the upload (the copied target has no check): a refused location is someone
            // else's bundle, and must never be recorded as this call's to roll back.
            if (request.Target.ReplaceCheck is { } replaceCheck)
            {
                await replaceCheck(send.Location, ct).ConfigureAwait(false);
            }

            // Recorded before the upload starts: if it fails midway, the parts already stored are found by prefix.
            _uploaded.Add(send.Location.ToString());
            BundleUpload upload = await BundleStreamUploader.CreateAndSendAsync(_connection, send, progress, ct).ConfigureAwait(false);

            bool isMachine = bundle.Properties.ImageType is null || bundle.Properties.ImageType == BundleImageType.Machine;
            ImageRegistrationPlan plan = ImageRegistrationRules.Check(isMachine
                ? RegistrationFor(request, name, upload.ManifestLocation, kernelId, ramdiskId)
                : new ImageRegistrationRequest { Name = name, ImageLocation = upload.ManifestLocation, Architecture = bundle.Properties.Architecture, Description = request.Description });
            ImageInfo image = await new ImageRegistration(_connection).RegisterAsync(plan, ct).ConfigureAwait(false);
            _registered.Add(image.ImageId);
            if (request.Tags.Count > 0)
            {
                await new TagService(_connection).CreateTagsAsync(new[] { image.ImageId }, request.Tags, ct).ConfigureAwait(false);
                image.Tags = request.Tags;
            }

            if (request.Public)
            {
                await new ImageAttributes(_connection).ModifyAsync(image.ImageId,
                    new ImageAttributeChange { AddLaunchPermission = new[] { "all" } }, ct).ConfigureAwait(false);
                image.IsPublic = true;
            }

            return image;
        }

        private static ImageRegistrationRequest RegistrationFor(ImageInstallRequest request, string name, string location, string? kernelId, string? ramdiskId) =>
            new ImageRegistrationRequest
            {
                Name = name,
                ImageLocation = location,
                Architecture = request.Machine.Properties.Architecture,
                Description = request.Description,
                KernelId = kernelId,
                RamdiskId = ramdiskId,
                Platform = request.Platform,
                VirtualizationType = request.VirtualizationType ?? (kernelId is null ? VirtualizationKind.Hvm : VirtualizationKind.Paravirtual),
            };

        // Each image gets its own journal, so an interruption reports the upload it interrupted.
        private static BundleUploadTarget CopyTarget(BundleUploadTarget target) => new BundleUploadTarget(target.Bucket)
        {
            KeyPrefix = target.KeyPrefix,
            Acl = target.Acl,
            Location = target.Location,
            ThrottleLimit = target.ThrottleLimit,
            Retry = target.Retry,
        };

        /// <summary>Undoes this call's work with a fresh token (the caller's may be cancelled), newest first.</summary>
        private async Task<string> RollBackAsync(bool keepBundle)
        {
            var removed = new List<string>();
            var left = new List<string>();
            using var timeout = new CancellationTokenSource(s_rollbackTimeout);
            foreach (string imageId in Enumerable.Reverse(_registered))
            {
                await TryAsync(() => new ImageDeregistration(_connection) { PollInterval = TimeSpan.FromMilliseconds(250) }
                    .PurgeAsync(imageId, s_rollbackTimeout, null, timeout.Token), $"image {imageId}", removed, left).ConfigureAwait(false);
            }

            foreach (string location in Enumerable.Reverse(_uploaded))
            {
                if (keepBundle)
                {
                    left.Add($"bundle {location} (kept: -KeepBundle)");
                    continue;
                }

                await TryAsync(() => BundleRemover.RemoveAsync(_connection, new BundleRemoveRequest(location), null, timeout.Token),
                    $"bundle {location}", removed, left).ConfigureAwait(false);
            }

            string text = removed.Count == 0 ? "Nothing was left to remove." : "Removed " + string.Join(", ", removed) + ".";
            return left.Count == 0
                ? text
                : text + " Left behind: " + string.Join(", ", left) + "; remove them with Unregister-EucaImage -Purge and Remove-EucaBundle.";
        }

        private static async Task TryAsync(Func<Task> undo, string what, List<string> removed, List<string> left)
        {
            try
            {
                await undo().ConfigureAwait(false);
                removed.Add(what);
            }
            catch (Exception exception) when (exception is EucaException || exception is OperationCanceledException)
            {
                left.Add($"{what} ({exception.Message})");
            }
        }
    }
}
