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
    /// deregistered, so a failure never leaves a registered image without its bundle.
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

        /// <summary>Returns the bundle location removed, or null when none was asked for or the image has none (EBS-backed).</summary>
        public async Task<string?> RemoveAsync(string imageId, bool purge, bool removeBundle, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            string? location = null;
            if (removeBundle)
            {
                // Looked up first: a deregistered image is no longer described.
                // An unknown image has no bundle; deregistering it then reports ImageNotFound.
                ResourceListing<ImageInfo> found = await new ImageService(_connection)
                    .GetImagesAsync(new ImageQuery { ImageIds = new[] { imageId } }, ct).ConfigureAwait(false);
                location = found.Items.FirstOrDefault()?.ImageLocation;
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
                return null;
            }

            await BundleRemover.RemoveAsync(_connection, new BundleRemoveRequest(location), progress, ct).ConfigureAwait(false);
            return location;
        }
    }
}
