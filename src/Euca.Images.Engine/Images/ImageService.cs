using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;

namespace Euca.Images.Engine.Images
{
    /// <summary>Image queries against the compute service.</summary>
    public sealed class ImageService
    {
        private readonly CloudConnection _connection;

        public ImageService(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>
        /// Describes images. Without ImageIds, Owners and ExecutableBy this makes the two calls
        /// euca-describe-images makes (Owner=self, then ExecutableBy=self) and merges them. A malformed id
        /// (<c>ImageIdInvalid</c>, never sent) or an unknown one (<c>ImageNotFound</c>) is an error in the listing; the
        /// other images are still listed, in id order, and one the owners or filters exclude is simply not listed.
        /// </summary>
        public Task<ResourceListing<ImageInfo>> GetImagesAsync(ImageQuery query, CancellationToken cancellationToken)
        {
            if (query == null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var owners = (query.Owners ?? Array.Empty<string>()).ToList();
            var executableBy = (query.ExecutableBy ?? Array.Empty<string>()).ToList();
            var filters = query.DescribeFilters().Select(f => new Filter { Name = f.Key, Values = f.Value.ToList() }).ToList();
            var lister = new ResourceLister<ImageInfo>(ImageResource.Kind, i => i.ImageId, async (ids, narrowed, token) =>
            {
                var requests = new List<DescribeImagesRequest>();
                if (!narrowed)
                {
                    requests.Add(NewRequest(ids, new List<string>(), new List<string>(), new List<Filter>()));
                }
                else if (ids == null && owners.Count == 0 && executableBy.Count == 0)
                {
                    requests.Add(NewRequest(ids, new List<string> { "self" }, new List<string>(), filters));
                    requests.Add(NewRequest(ids, new List<string>(), new List<string> { "self" }, filters));
                }
                else
                {
                    requests.Add(NewRequest(ids, owners, executableBy, filters));
                }

                var images = new List<ImageInfo>();
                foreach (DescribeImagesRequest request in requests)
                {
                    DescribeImagesResponse response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeImagesAsync(request, ct), ComputeTarget.Of(request.ImageIds), token).ConfigureAwait(false);
                    images.AddRange((response.Images ?? new List<Image>()).Select(ImageInfoMapper.From));
                }

                return images;
            });

            // Listing everything is narrowed too: it is the two calls above, not one without owners.
            bool narrowed = query.IsNarrowed || (query.ImageIds ?? Array.Empty<string>()).Count == 0;
            return lister.ListAsync(query.ImageIds, narrowed, cancellationToken);
        }

        // The SDK sends null lists as "not given" and empty lists the same way; Filters and lists stay
        // null when empty so no empty parameter reaches Eucalyptus.
        private static DescribeImagesRequest NewRequest(IReadOnlyList<string>? ids, List<string> owners, List<string> executableBy, List<Filter> filters) =>
            new DescribeImagesRequest
            {
                ImageIds = ids?.ToList(),
                Owners = owners.Count > 0 ? owners : null,
                ExecutableUsers = executableBy.Count > 0 ? executableBy : null,
                Filters = filters.Count > 0 ? filters : null,
            };
    }
}
