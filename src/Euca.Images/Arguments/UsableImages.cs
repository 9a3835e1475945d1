using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;

namespace Euca.Images.Arguments
{
    /// <summary>The images completers draw on: everything the caller may use.</summary>
    internal static class UsableImages
    {
        /// <summary>
        /// Owned and shared images (the default listing) plus public ones (kernels and ramdisks are usually the
        /// administrators' public images), of the given types or, when none are given, of every type.
        /// </summary>
        public static async Task<IEnumerable<ImageInfo>> ListAsync(CloudConnection connection, IReadOnlyList<ImageKind> imageTypes, CancellationToken cancellationToken)
        {
            var service = new ImageService(connection);
            ResourceListing<ImageInfo>[] lists = await Task.WhenAll(
                service.GetImagesAsync(new ImageQuery { ImageTypes = imageTypes }, cancellationToken),
                service.GetImagesAsync(new ImageQuery { ExecutableBy = new[] { "all" }, ImageTypes = imageTypes }, cancellationToken)).ConfigureAwait(false);
            return lists.SelectMany(list => list.Items);
        }
    }
}
