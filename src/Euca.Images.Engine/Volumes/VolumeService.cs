using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Engine.Volumes
{
    /// <summary>Lists EBS volumes (DescribeVolumes).</summary>
    public sealed class VolumeService
    {
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
        /// but does not match the states or zone is simply not listed.
        /// </summary>
        public Task<ResourceListing<VolumeInfo>> GetVolumesAsync(
            IReadOnlyList<string>? volumeIds, IReadOnlyList<string>? states, string? availabilityZone, CancellationToken cancellationToken)
        {
            List<Filter> filters = Filters(states, availabilityZone);
            var lister = new ResourceLister<VolumeInfo>(_connection, ResourceKind.Volume, v => v.VolumeId, async (ids, narrowed, token) =>
            {
                var request = new DescribeVolumesRequest
                {
                    VolumeIds = ids?.ToList(),
                    Filters = narrowed ? filters : null,
                };
                DescribeVolumesResponse response = await _connection.Ec2.DescribeVolumesAsync(request, token).ConfigureAwait(false);
                return (response.Volumes ?? new List<Volume>()).Select(VolumeMapper.From);
            });
            return lister.ListAsync(volumeIds, filters.Count > 0, cancellationToken);
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
