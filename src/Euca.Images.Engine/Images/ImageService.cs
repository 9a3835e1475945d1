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
        /// euca-describe-images makes (Owner=self, then ExecutableBy=self), merges them, drops duplicates and
        /// sorts by id. Invalid image ids fail with <c>ImageIdInvalid</c> before any call.
        /// </summary>
        public async Task<IReadOnlyList<ImageInfo>> GetImagesAsync(ImageQuery query, CancellationToken cancellationToken)
        {
            if (query == null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var ids = (query.ImageIds ?? Array.Empty<string>()).Select(ResourceIdPattern.Image).ToList();
            var owners = (query.Owners ?? Array.Empty<string>()).ToList();
            var executableBy = (query.ExecutableBy ?? Array.Empty<string>()).ToList();
            var filters = (query.Filters ?? new Dictionary<string, IReadOnlyList<string>>())
                .Select(f => new Filter { Name = f.Key, Values = f.Value.ToList() })
                .ToList();

            var requests = new List<DescribeImagesRequest>();
            if (ids.Count == 0 && owners.Count == 0 && executableBy.Count == 0)
            {
                requests.Add(NewRequest(ids, new List<string> { "self" }, new List<string>(), filters));
                requests.Add(NewRequest(ids, new List<string>(), new List<string> { "self" }, filters));
            }
            else
            {
                requests.Add(NewRequest(ids, owners, executableBy, filters));
            }

            var images = new Dictionary<string, ImageInfo>(StringComparer.Ordinal);
            foreach (var request in requests)
            {
                var response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeImagesAsync(request, ct), ComputeTarget.Of(ids), cancellationToken).ConfigureAwait(false);
                foreach (var image in response.Images ?? new List<Image>())
                {
                    var info = ImageInfoMapper.From(image);
                    if (!images.ContainsKey(info.ImageId))
                    {
                        images[info.ImageId] = info;
                    }
                }
            }

            return images.Values.OrderBy(i => i.ImageId, StringComparer.Ordinal).ToList();
        }

        // The SDK sends null lists as "not given" and empty lists the same way; Filters and lists stay
        // null when empty so no empty parameter reaches Eucalyptus.
        private static DescribeImagesRequest NewRequest(List<string> ids, List<string> owners, List<string> executableBy, List<Filter> filters) =>
            new DescribeImagesRequest
            {
                ImageIds = ids.Count > 0 ? ids : null,
                Owners = owners.Count > 0 ? owners : null,
                ExecutableUsers = executableBy.Count > 0 ? executableBy : null,
                Filters = filters.Count > 0 ? filters : null,
            };
    }
}
