using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Volumes
{
    /// <summary>Lists EBS volumes (DescribeVolumes) and deletes them (DeleteVolume).</summary>
    public sealed class VolumeService
    {
        private static readonly ErrorId CloudVolumeInUse = ErrorIds.CloudService("VolumeInUse");

        private readonly CloudConnection _connection;

        public VolumeService(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>
        /// Describes the caller's volumes: those given by id (all when none is given), narrowed to the given states
        /// and zone. States and zone are sent as the DescribeVolumes filters <c>status</c> and
        /// <c>availability-zone</c>, which Eucalyptus 4.4 supports, so the cloud does not send volumes that are
        /// thrown away. A malformed id (<c>VolumeIdInvalid</c>) or one the cloud does not have
        /// (<c>VolumeNotFound</c>) is an error in the listing and does not stop the other ids; a volume that exists
        /// but does not match the states, zone or tags (the <c>tag:KEY</c> filters) is simply not listed.
        /// </summary>
        public Task<ResourceListing<VolumeInfo>> GetVolumesAsync(
            IReadOnlyList<string>? volumeIds, IReadOnlyList<string>? states, string? availabilityZone, CancellationToken cancellationToken,
            IReadOnlyDictionary<string, string>? tags = null)
        {
            List<Filter> filters = Filters(states, availabilityZone);
            filters.AddRange(TagSets.Filters(tags));
            var lister = new ResourceLister<VolumeInfo>(VolumeResource.Kind, v => v.VolumeId, async (ids, narrowed, token) =>
            {
                var request = new DescribeVolumesRequest
                {
                    VolumeIds = ids?.ToList(),
                    Filters = narrowed ? filters : null,
                };
                DescribeVolumesResponse response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeVolumesAsync(request, ct), ComputeTarget.Of(request.VolumeIds), token).ConfigureAwait(false);
                return (response.Volumes ?? new List<Volume>()).Select(VolumeMapper.From);
            });
            return lister.ListAsync(volumeIds, filters.Count > 0, cancellationToken);
        }

        /// <summary>
        /// Deletes a volume (for example the scratch volume an image was snapshotted from). A volume the cloud does
        /// not know, or that belongs to another account, is <c>VolumeNotFound</c>; one attached to an instance is
        /// <c>VolumeInUse</c>; an empty id is <c>VolumeIdMissing</c> and a malformed one <c>VolumeIdInvalid</c>.
        /// </summary>
        public async Task DeleteVolumeAsync(string? volumeId, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.VolumeOfInput(volumeId);
            var request = new DeleteVolumeRequest { VolumeId = id };
            try
            {
                await VolumeResource.Kind.CallForIdAsync(_connection, id, (ec2, ct) => ec2.DeleteVolumeAsync(request, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e) when (e.Is(CloudVolumeInUse))
            {
                // Eucalyptus names the instance ("Volume is currently attached to: i-..."); a stopped instance keeps its volumes.
                string cloudSays = (e.InnerException ?? e).Message.TrimEnd('.');
                throw new EucaException(
                    ErrorIds.VolumeInUse, EucaErrorCategory.InvalidOperation, $"Volume {id} is in use and was not deleted: {cloudSays}. Detach it or terminate the instance first.", id, e);
            }
        }

        private static List<Filter> Filters(IReadOnlyList<string>? states, string? availabilityZone)
        {
            var filters = new List<Filter>();
            if (states is { Count: > 0 })
            {
                // Filter values match case-sensitively and volume states are lower case.
                filters.Add(new Filter { Name = "status", Values = states.Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList() });
            }

            if (!string.IsNullOrWhiteSpace(availabilityZone))
            {
                filters.Add(new Filter { Name = "availability-zone", Values = new List<string> { availabilityZone!.Trim() } });
            }

            return filters;
        }
    }
}
