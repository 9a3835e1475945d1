using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Lifecycle;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// Deregisters an image (optionally purging it) and, when asked, removes the bundle its manifest location points
    /// to, like euca-deregister followed by euca-delete-bundle. The bundle is removed only after the image is
    /// deregistered, so a failure never leaves a registered image without its bundle, and only when no other
    /// registered image uses it (two images registered from the same location share one bundle); otherwise it is kept
    /// and the result names the images that still use it.
    /// </summary>
    public sealed class ImageRemoval
    {
        private readonly CloudConnection _connection;

        public ImageRemoval(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>How long a purge waits for the image to disappear.</summary>
        public TimeSpan PurgeTimeout { get; set; } = TimeSpan.FromMinutes(5);

        public async Task<ImageRemovalResult> RemoveAsync(string imageId, bool purge, bool removeBundle, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            string? location = null;
            IReadOnlyList<string> otherUsers = Array.Empty<string>();
            if (removeBundle)
            {
                // Looked up first: a deregistered image is no longer described.
                // An unknown image has no bundle; deregistering it then reports ImageNotFound.
                ResourceListing<ImageInfo> found = await new ImageService(_connection)
                    .GetImagesAsync(new ImageQuery { ImageIds = new[] { imageId } }, ct).ConfigureAwait(false);
                location = found.Items.FirstOrDefault()?.ImageLocation;
                if (location != null)
                {
                    IReadOnlyList<ImageInfo> users = await new BundleUsers(_connection).ImagesUsingAsync(location, ct).ConfigureAwait(false);
                    otherUsers = users.Where(i => !string.Equals(i.ImageId, imageId, StringComparison.Ordinal)).Select(i => i.ToString()).ToList();
                }
            }

            var deregistration = new ImageDeregistration(_connection);
            if (purge)
            {
                await deregistration.PurgeAsync(imageId, PurgeTimeout, progress, ct).ConfigureAwait(false);
            }
            else
            {
                await deregistration.DeregisterAsync(imageId, ct).ConfigureAwait(false);
            }

            if (location is null)
            {
                return ImageRemovalResult.NoBundle;
            }

            if (otherUsers.Count > 0)
            {
                return new ImageRemovalResult(location, false, otherUsers);
            }

            await BundleRemover.RemoveAsync(_connection, new BundleRemoveRequest(location), progress, ct).ConfigureAwait(false);
            return new ImageRemovalResult(location, true, Array.Empty<string>());
        }
    }
}
