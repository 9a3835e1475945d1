using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Snapshots;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// Deletes a snapshot unless a registered image boots from it. Eucalyptus refuses that itself
    /// (InvalidSnapshot.InUse), but its message names no image; asking first with DescribeImages'
    /// <c>block-device-mapping.snapshot-id</c> filter (images/Images.java ImageInfoFilterSupport) lets the error say
    /// which image to unregister.
    /// </summary>
    public sealed class SnapshotRemoval
    {
        private readonly CloudConnection _connection;

        public SnapshotRemoval(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        public async Task RemoveAsync(string snapshotId, CancellationToken ct)
        {
            string id = ResourceIdPattern.Snapshot(snapshotId);
            var query = new ImageQuery
            {
                Filters = new Dictionary<string, IReadOnlyList<string>> { ["block-device-mapping.snapshot-id"] = new[] { id } },
            };
            IReadOnlyList<ImageInfo> users = (await new ImageService(_connection).GetImagesAsync(query, ct).ConfigureAwait(false)).Items
                .Where(i => i.BlockDeviceMappings.Any(m => string.Equals(m.SnapshotId, id, StringComparison.Ordinal)))
                .ToList();
            if (users.Count > 0)
            {
                throw new EucaException(ErrorIds.SnapshotInUse, EucaErrorCategory.InvalidOperation,
                    $"Snapshot {id} was not deleted: {string.Join(", ", users.Select(i => i.ToString()))} boots from it. Unregister the image with -Purge first.", id);
            }

            await new SnapshotService(_connection).DeleteSnapshotAsync(id, ct).ConfigureAwait(false);
        }
    }
}
