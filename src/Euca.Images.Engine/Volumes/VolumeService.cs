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
        /// but does not match the states or zone is simply not listed.
        /// </summary>
        public async Task<VolumeListing> GetVolumesAsync(
            IReadOnlyList<string>? volumeIds, IReadOnlyList<string>? states, string? availabilityZone, CancellationToken cancellationToken)
        {
            List<(string? Id, EucaException? Error)> requested = (volumeIds ?? Array.Empty<string>()).Select(Parse).ToList();
            var ids = requested.Where(r => r.Id != null).Select(r => r.Id!).Distinct(StringComparer.Ordinal).ToList();
            List<Filter> filters = Filters(states, availabilityZone);
            IReadOnlyList<VolumeInfo> volumes = Array.Empty<VolumeInfo>();
            ISet<string> missing = new HashSet<string>(StringComparer.Ordinal);
            if (requested.Count == 0)
            {
                volumes = await DescribeAsync(null, filters, cancellationToken).ConfigureAwait(false) ?? Array.Empty<VolumeInfo>();
            }
            else if (ids.Count > 0)
            {
                // Only malformed ids ask nothing: a request without ids would list every volume.
                (volumes, missing) = await DescribeByIdAsync(ids, filters, cancellationToken).ConfigureAwait(false);
            }

            var errors = new List<EucaException>();
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach ((string? id, EucaException? error) in requested)
            {
                if (error != null)
                {
                    errors.Add(error);
                }
                else if (missing.Contains(id!) && reported.Add(id!))
                {
                    errors.Add(VolumeErrors.NotFound(id!));
                }
            }

            return new VolumeListing(volumes.OrderBy(v => v.VolumeId, StringComparer.Ordinal).ToList(), errors);
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
                await _connection.CallComputeAsync((ec2, ct) => ec2.DeleteVolumeAsync(request, ct), id, cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e) when (e.Is(VolumeErrors.CloudNotFound))
            {
                throw VolumeErrors.NotFound(id, e);
            }
            catch (EucaException e) when (e.Is(CloudVolumeInUse))
            {
                // Eucalyptus names the instance ("Volume is currently attached to: i-..."); a stopped instance keeps its volumes.
                string cloudSays = (e.InnerException ?? e).Message.TrimEnd('.');
                throw new EucaException(
                    ErrorIds.VolumeInUse, EucaErrorCategory.InvalidOperation, $"Volume {id} is in use and was not deleted: {cloudSays}. Detach it or terminate the instance first.", id, e);
            }
        }

        private static (string? Id, EucaException? Error) Parse(string? volumeId)
        {
            try
            {
                return (ResourceIdPattern.Volume(volumeId), null);
            }
            catch (EucaException e)
            {
                return (null, e);
            }
        }

        /// <summary>
        /// Describes volumes by id and finds the ids the cloud does not have. EC2 (and the local cloud) refuse the
        /// whole request with InvalidVolume.NotFound when one id is unknown, so the ids are then asked for one by
        /// one; Eucalyptus 4.4 leaves unknown ids out of its answer instead. With filters, an id left out may be a
        /// volume the filters exclude, so those ids are asked for again without filters.
        /// </summary>
        private async Task<(IReadOnlyList<VolumeInfo> Volumes, ISet<string> Missing)> DescribeByIdAsync(
            IReadOnlyList<string> ids, List<Filter> filters, CancellationToken cancellationToken)
        {
            var missing = new HashSet<string>(StringComparer.Ordinal);
            IReadOnlyList<VolumeInfo>? answered = await DescribeAsync(ids, filters, cancellationToken).ConfigureAwait(false);
            if (answered == null)
            {
                if (ids.Count == 1)
                {
                    missing.Add(ids[0]);
                    return (Array.Empty<VolumeInfo>(), missing);
                }

                var found = new List<VolumeInfo>();
                foreach (string id in ids)
                {
                    (IReadOnlyList<VolumeInfo> one, ISet<string> unknown) = await DescribeByIdAsync(new[] { id }, filters, cancellationToken).ConfigureAwait(false);
                    found.AddRange(one);
                    missing.UnionWith(unknown);
                }

                return (found, missing);
            }

            List<string> unlisted = ids.Where(id => answered.All(v => v.VolumeId != id)).ToList();
            if (unlisted.Count > 0 && filters.Count > 0)
            {
                (_, ISet<string> unknownIds) = await DescribeByIdAsync(unlisted, new List<Filter>(), cancellationToken).ConfigureAwait(false);
                missing.UnionWith(unknownIds);
            }
            else
            {
                missing.UnionWith(unlisted);
            }

            return (answered, missing);
        }

        /// <summary>One DescribeVolumes call; null when the cloud refuses it because a requested id is unknown.</summary>
        private async Task<IReadOnlyList<VolumeInfo>?> DescribeAsync(IReadOnlyList<string>? ids, List<Filter> filters, CancellationToken cancellationToken)
        {
            var request = new DescribeVolumesRequest
            {
                VolumeIds = ids?.ToList(),
                Filters = filters.Count > 0 ? filters : null,
            };
            DescribeVolumesResponse response;
            try
            {
                response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeVolumesAsync(request, ct), ComputeTarget.Of(ids?.ToList()), cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e) when (ids != null && e.Is(VolumeErrors.CloudNotFound))
            {
                return null;
            }

            return (response.Volumes ?? new List<Volume>()).Select(VolumeMapper.From).ToList();
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
