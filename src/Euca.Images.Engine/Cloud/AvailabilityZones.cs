using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>The cloud's availability zones (DescribeAvailabilityZones), where volumes and imports are placed.</summary>
    public static class AvailabilityZones
    {
        /// <summary>Each zone's name and state ("available" when it takes new volumes).</summary>
        public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ListAsync(CloudConnection connection, CancellationToken cancellationToken)
        {
            var request = new DescribeAvailabilityZonesRequest();
            DescribeAvailabilityZonesResponse response = await connection.CallComputeAsync(
                (ec2, ct) => ec2.DescribeAvailabilityZonesAsync(request, ct), null, cancellationToken).ConfigureAwait(false);
            return (response.AvailabilityZones ?? new List<AvailabilityZone>())
                .Select(zone => new KeyValuePair<string, string>(zone.ZoneName, zone.State?.Value ?? "unknown"))
                .ToList();
        }
    }
}
