using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;

namespace Euca.Images.Arguments
{
    /// <summary>Completes image ids with "id - name (state)" tooltips, optionally of one image type.</summary>
    public abstract class ImageIdCompleterBase : CloudIdCompleter
    {
        /// <summary>The DescribeImages image-type filter value, or null for every image.</summary>
        protected abstract string? ImageType { get; }

        /// <inheritdoc />
        protected override string Kind => "image:" + (ImageType ?? "any");

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, CancellationToken cancellationToken)
        {
            var filters = new Dictionary<string, IReadOnlyList<string>>();
            if (ImageType != null)
            {
                filters["image-type"] = new[] { ImageType };
            }

            // Everything the caller may use: owned and shared (the default listing) plus public images (kernels and
            // ramdisks are usually the administrators' public images).
            var service = new ImageService(connection);
            ResourceListing<ImageInfo>[] lists = await Task.WhenAll(
                service.GetImagesAsync(new ImageQuery { Filters = filters }, cancellationToken),
                service.GetImagesAsync(new ImageQuery { ExecutableBy = new[] { "all" }, Filters = filters }, cancellationToken)).ConfigureAwait(false);
            return lists.SelectMany(list => list.Items)
                .Select(i => new CompletionEntry(i.ImageId, $"{i.ImageId} - {i.Name ?? "(no name)"} ({i.State ?? "unknown"})"))
                .ToList();
        }
    }

    /// <summary>Completes the ids of all images the caller can see.</summary>
    public sealed class ImageIdCompleter : ImageIdCompleterBase
    {
        /// <inheritdoc />
        protected override string? ImageType => null;
    }

    /// <summary>Completes kernel ids (image-type=kernel).</summary>
    public sealed class KernelIdCompleter : ImageIdCompleterBase
    {
        /// <inheritdoc />
        protected override string? ImageType => "kernel";
    }

    /// <summary>Completes ramdisk ids (image-type=ramdisk).</summary>
    public sealed class RamdiskIdCompleter : ImageIdCompleterBase
    {
        /// <inheritdoc />
        protected override string? ImageType => "ramdisk";
    }
}
