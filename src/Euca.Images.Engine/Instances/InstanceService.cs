using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Instances
{
    /// <summary>Instance lookups (DescribeInstances) for the image workflows.</summary>
    public sealed class InstanceService
    {
        private readonly CloudConnection _connection;

        public InstanceService(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>The instance, or <c>InstanceNotFound</c>; a malformed id fails with <c>InstanceIdInvalid</c> before any call.</summary>
        public async Task<InstanceInfo> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.Instance(instanceId);
            var request = new DescribeInstancesRequest { InstanceIds = new List<string> { id } };
            var response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeInstancesAsync(request, ct), id, cancellationToken).ConfigureAwait(false);
            Instance? instance = (response.Reservations ?? new List<Reservation>())
                .SelectMany(r => r.Instances ?? new List<Instance>())
                .FirstOrDefault(i => string.Equals(i.InstanceId, id, StringComparison.Ordinal));
            if (instance == null)
            {
                throw new EucaException(ErrorIds.InstanceNotFound, EucaErrorCategory.ObjectNotFound, $"The cloud has no instance {id} that you can see.", id);
            }

            return InstanceInfoMapper.From(instance);
        }

        /// <summary>
        /// Describes the caller's instances: those given by id (all when none is given), in the given states only. A
        /// malformed id (<c>InstanceIdInvalid</c>) or an unknown one (<c>InstanceNotFound</c>) is an error in the
        /// listing; the others are still listed.
        /// </summary>
        public async Task<ResourceListing<InstanceInfo>> GetInstancesAsync(IReadOnlyList<string>? instanceIds, IReadOnlyList<string>? states, CancellationToken cancellationToken)
        {
            var lister = new ResourceLister<InstanceInfo>(InstanceResource.Kind, i => i.InstanceId, async (ids, narrowed, token) =>
            {
                var request = new DescribeInstancesRequest { InstanceIds = ids?.ToList() };
                var response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeInstancesAsync(request, ct), ComputeTarget.Of(request.InstanceIds), token).ConfigureAwait(false);
                return (response.Reservations ?? new List<Reservation>()).SelectMany(r => r.Instances ?? new List<Instance>()).Select(InstanceInfoMapper.From);
            });
            ResourceListing<InstanceInfo> listing = await lister.ListAsync(instanceIds, false, cancellationToken).ConfigureAwait(false);
            if (states is not { Count: > 0 })
            {
                return listing;
            }

            // States are matched on the answer rather than sent as the instance-state-name filter: an account has few
            // instances, and the result then does not depend on which DescribeInstances filters a cloud implements.
            var wanted = new HashSet<string>(states, StringComparer.OrdinalIgnoreCase);
            return new ResourceListing<InstanceInfo>(listing.Items.Where(i => i.State != null && wanted.Contains(i.State)).ToList(), listing.Errors);
        }
    }
}
