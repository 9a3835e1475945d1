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
        /// <summary>The image types to complete; empty for every image.</summary>
        protected abstract IReadOnlyList<ImageKind> ImageTypes { get; }

        /// <inheritdoc />
        protected override string Kind => "image:" + string.Join(",", ImageTypes);

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            IEnumerable<ImageInfo> images = await UsableImages.ListAsync(connection, ImageTypes, cancellationToken).ConfigureAwait(false);
            return images
                .Select(i => new CompletionEntry(i.ImageId, $"{i.ImageId} - {i.Name ?? "(no name)"} ({i.State ?? "unknown"})"))
                .ToList();
        }
    }

    /// <summary>Completes the ids of all images the caller can see.</summary>
    public sealed class ImageIdCompleter : ImageIdCompleterBase
    {
        /// <inheritdoc />
        protected override IReadOnlyList<ImageKind> ImageTypes => new ImageKind[0];
    }

    /// <summary>Completes kernel ids (image-type=kernel).</summary>
    public sealed class KernelIdCompleter : ImageIdCompleterBase
    {
        /// <inheritdoc />
        protected override IReadOnlyList<ImageKind> ImageTypes => new[] { ImageKind.Kernel };
    }

    /// <summary>Completes ramdisk ids (image-type=ramdisk).</summary>
    public sealed class RamdiskIdCompleter : ImageIdCompleterBase
    {
        /// <inheritdoc />
        protected override IReadOnlyList<ImageKind> ImageTypes => new[] { ImageKind.Ramdisk };
    }
}
