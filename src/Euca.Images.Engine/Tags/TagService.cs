using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Tags
{
    /// <summary>
    /// Tags on images, snapshots, volumes and instances: CreateTags, DeleteTags and DescribeTags, which Eucalyptus 4.4
    /// supports (tags/TagManager.java). Eucalyptus 4.4 takes no tags with the call that makes a resource (no
    /// TagSpecification), so a new resource is tagged by a CreateTags right after. Tags belong to the caller's account.
    /// Ids and tags are checked before anything is sent, with Eucalyptus' rules (keys of 1 to 128 characters, not
    /// starting with aws: or euca:; values of at most 256).
    /// </summary>
    public sealed class TagService
    {
        private readonly CloudConnection _connection;

        public TagService(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>Adds the tags to every resource, replacing the values of keys it already has.</summary>
        public async Task CreateTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken ct)
        {
            List<string> ids = Checked(resourceIds);
            List<Tag> checkedTags = (tags ?? new Dictionary<string, string>()).Select(t => new Tag(CheckKey(t.Key), CheckValue(t.Key, t.Value ?? string.Empty))).ToList();
            if (checkedTags.Count == 0)
            {
                return;
            }

            var request = new CreateTagsRequest { Resources = ids, Tags = checkedTags };
            await _connection.CallComputeAsync((ec2, token) => ec2.CreateTagsAsync(request, token), ComputeTarget.Of(ids), ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Deletes tags from every resource: a key with a null value whatever its value, a key with a value only where
        /// the value matches.
        /// </summary>
        public async Task DeleteTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string?> tags, CancellationToken ct)
        {
            List<string> ids = Checked(resourceIds);
            List<Tag> checkedTags = (tags ?? new Dictionary<string, string?>()).Select(t => new Tag { Key = CheckKey(t.Key), Value = t.Value }).ToList();
            if (checkedTags.Count == 0)
            {
                // DeleteTags without tags deletes every tag of the resources: never done by accident.
                return;
            }

            var request = new DeleteTagsRequest { Resources = ids, Tags = checkedTags };
            await _connection.CallComputeAsync((ec2, token) => ec2.DeleteTagsAsync(request, token), ComputeTarget.Of(ids), ct).ConfigureAwait(false);
        }

        /// <summary>The caller's tags, on the given resources only when ids are given, with the given keys only when keys are.</summary>
        public async Task<IReadOnlyList<TagInfo>> GetTagsAsync(IReadOnlyList<string>? resourceIds, IReadOnlyList<string>? keys, CancellationToken ct)
        {
            var filters = new List<Filter>();
            List<string> ids = resourceIds is { Count: > 0 } ? Checked(resourceIds) : new List<string>();
            if (ids.Count > 0)
            {
                filters.Add(new Filter("resource-id", ids));
            }

            if (keys is { Count: > 0 })
            {
                filters.Add(new Filter("key", keys.ToList()));
            }

            var request = new DescribeTagsRequest { Filters = filters.Count > 0 ? filters : null };
            DescribeTagsResponse response = await _connection.CallComputeAsync((ec2, token) => ec2.DescribeTagsAsync(request, token), ComputeTarget.Of(ids), ct).ConfigureAwait(false);
            return (response.Tags ?? new List<TagDescription>())
                .Select(t => new TagInfo(t.ResourceId, t.ResourceType?.Value, t.Key, t.Value ?? string.Empty))
                .OrderBy(t => t.ResourceId, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>
        /// The tags, checked against Eucalyptus' rules before anything is made or sent (<c>TagInvalid</c>), so that a
        /// command that makes a resource and then tags it fails before making it.
        /// </summary>
        public static IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string> tags)
        {
            foreach (KeyValuePair<string, string> tag in tags ?? new Dictionary<string, string>())
            {
                CheckValue(CheckKey(tag.Key), tag.Value ?? string.Empty);
            }

            return tags ?? new Dictionary<string, string>();
        }

        private static List<string> Checked(IReadOnlyList<string> resourceIds)
        {
            List<string> ids = (resourceIds ?? Array.Empty<string>()).Select(ResourceIdPattern.Taggable).Distinct(StringComparer.Ordinal).ToList();
            return ids.Count > 0 ? ids : throw new EucaException(ErrorIds.TaggableResourceIdInvalid, EucaErrorCategory.InvalidArgument, "No resource id was given to tag.", null);
        }

        private static string CheckKey(string key)
        {
            if (string.IsNullOrEmpty(key) || key.Length > 128
                || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("euca:", StringComparison.OrdinalIgnoreCase))
            {
                throw new EucaException(ErrorIds.TagInvalid, EucaErrorCategory.InvalidArgument,
                    $"'{key}' is not a tag key: keys have 1 to 128 characters and must not start with aws: or euca:.", key);
            }

            return key;
        }

        private static string CheckValue(string key, string value) =>
            value.Length <= 256
                ? value
                : throw new EucaException(ErrorIds.TagInvalid, EucaErrorCategory.InvalidArgument, $"The value of tag '{key}' is longer than 256 characters.", key);
    }
}
