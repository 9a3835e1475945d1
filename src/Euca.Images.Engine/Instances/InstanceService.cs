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

        /// <summary>Every instance the caller can see (DescribeInstances without ids).</summary>
        public async Task<IReadOnlyList<InstanceInfo>> ListInstancesAsync(CancellationToken cancellationToken)
        {
            var request = new DescribeInstancesRequest();
            var response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeInstancesAsync(request, ct), null, cancellationToken).ConfigureAwait(false);
            return (response.Reservations ?? new List<Reservation>())
                .SelectMany(r => r.Instances ?? new List<Instance>())
                .Select(InstanceInfoMapper.From)
                .ToList();
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
    }
}
