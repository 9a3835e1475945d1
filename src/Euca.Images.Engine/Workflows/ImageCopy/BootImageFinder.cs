using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Engine.Workflows.ImageCopy
{
    /// <summary>
    /// The kernel and ramdisk a paravirtual copy boots at the destination: the ones given, else the destination's
    /// image of the same kind whose name (or Name tag) is the source kernel's or ramdisk's name. Image ids differ
    /// between clouds, names usually do not (a cloud's kernels are installed from the same packages). Found before any
    /// byte is copied, so a copy that could not boot fails at once.
    /// </summary>
    internal sealed class BootImageFinder
    {
        private readonly CloudConnection _source;
        private readonly CloudConnection _destination;

        public BootImageFinder(CloudConnection source, CloudConnection destination)
        {
            _source = source;
            _destination = destination;
        }

        public async Task<string?> KernelAsync(ImageInfo image, string? given, CancellationToken ct) =>
            given != null ? ResourceIdPattern.Kernel(given)
            : image.KernelId == null ? null
            : await FindAsync(image.KernelId, ImageKind.Kernel, ErrorIds.ImageCopyKernelNotFound, "-KernelId", ct).ConfigureAwait(false);

        public async Task<string?> RamdiskAsync(ImageInfo image, string? given, CancellationToken ct) =>
            given != null ? ResourceIdPattern.Ramdisk(given)
            : image.RamdiskId == null ? null
            : await FindAsync(image.RamdiskId, ImageKind.Ramdisk, ErrorIds.ImageCopyRamdiskNotFound, "-RamdiskId", ct).ConfigureAwait(false);

        /// <summary>
        /// By name, then by Name tag; each among the user's own and launchable images, then among public ones (a cloud's
        /// kernels usually belong to its administrator and are public, which neither Owner=self nor ExecutableBy=self lists).
        /// </summary>
        private static IEnumerable<ImageQuery> Candidates(string name, ImageKind kind)
        {
            var byTag = new Dictionary<string, string> { ["Name"] = name };
            yield return new ImageQuery { Names = new[] { name }, ImageTypes = new[] { kind } };
            yield return new ImageQuery { Names = new[] { name }, ImageTypes = new[] { kind }, ExecutableBy = new[] { "all" } };
            yield return new ImageQuery { Tags = byTag, ImageTypes = new[] { kind } };
            yield return new ImageQuery { Tags = byTag, ImageTypes = new[] { kind }, ExecutableBy = new[] { "all" } };
        }

        private async Task<string> FindAsync(string sourceId, ImageKind kind, ErrorId notFound, string parameter, CancellationToken ct)
        {
            string what = kind.ToString().ToLowerInvariant();
            ResourceListing<ImageInfo> sources = await new ImageService(_source).GetImagesAsync(new ImageQuery { ImageIds = new[] { sourceId } }, ct).ConfigureAwait(false);
            string? name = sources.Items.FirstOrDefault()?.Name;
            if (name == null)
            {
                throw new EucaException(notFound, EucaErrorCategory.ObjectNotFound,
                    $"The source image boots the {what} {sourceId}, which the source cloud does not describe, so its counterpart at the destination cannot be found by name. Nothing was copied; pass {parameter}.",
                    sourceId);
            }

            var service = new ImageService(_destination);
            foreach (ImageQuery query in Candidates(name, kind))
            {
                ResourceListing<ImageInfo> found = await service.GetImagesAsync(query, ct).ConfigureAwait(false);
                // Several matches (the same kernel installed twice): the newest, as a fresh install would use.
                ImageInfo? match = found.Items.OrderByDescending(i => i.CreationDate ?? DateTime.MinValue).ThenBy(i => i.ImageId, StringComparer.Ordinal).FirstOrDefault();
                if (match != null)
                {
                    return match.ImageId;
                }
            }

            throw new EucaException(notFound, EucaErrorCategory.ObjectNotFound,
                $"The source image boots the {what} {sourceId} ('{name}'), and the destination has no {what} of that name or Name tag. Nothing was copied; install the {what} at the destination and pass {parameter}.",
                sourceId);
        }
    }
}
