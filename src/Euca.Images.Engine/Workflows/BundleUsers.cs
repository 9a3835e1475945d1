using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// Which registered images a stored bundle serves. A bundle belongs to every image registered from its manifest
    /// location, and re-uploading to the same key (the default when two images are installed from files of the same
    /// name) or removing it would break all of them while Eucalyptus still lists them as available. Eucalyptus 4.4
    /// filters DescribeImages by <c>manifest-location</c> (images/Images.java ImageInfoFilterSupport), so one call
    /// answers; deregistered images are no longer described and so no longer count.
    /// </summary>
    public sealed class BundleUsers
    {
        private readonly CloudConnection _connection;

        public BundleUsers(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>The registered images whose manifest location is <paramref name="manifestLocation"/>, in id order.</summary>
        public async Task<IReadOnlyList<ImageInfo>> ImagesUsingAsync(string manifestLocation, CancellationToken ct)
        {
            var query = new ImageQuery
            {
                Filters = new Dictionary<string, IReadOnlyList<string>> { ["manifest-location"] = new[] { manifestLocation } },
            };
            ResourceListing<ImageInfo> listing = await new ImageService(_connection).GetImagesAsync(query, ct).ConfigureAwait(false);
            // The filter is matched as a pattern by the cloud; only the exact location counts.
            return listing.Items.Where(i => string.Equals(i.ImageLocation, manifestLocation, StringComparison.Ordinal)).ToList();
        }

        /// <summary>
        /// A check for <see cref="BundleUploadTarget.ReplaceCheck"/>: refuses, before anything is uploaded or removed, to
        /// replace a manifest that a registered image points to.
        /// </summary>
        public Func<ManifestLocation, CancellationToken, Task> RefuseReplacingUsedBundles() => async (location, ct) =>
        {
            IReadOnlyList<ImageInfo> users = await ImagesUsingAsync(location.ToString(), ct).ConfigureAwait(false);
            if (users.Count > 0)
            {
                string images = string.Join(", ", users.Select(i => i.ToString()));
                throw new EucaException(ErrorIds.BundleManifestInUse, EucaErrorCategory.ResourceExists,
                    $"The bundle at '{location}' is the one {images} was registered from; uploading there would replace it under a registered image. "
                    + "Nothing was uploaded. Choose another -KeyPrefix (for example a date), unregister the image first, or use -Force to replace it anyway.",
                    location.ToString());
            }
        };
    }
}
