using System;
using System.Collections.Generic;
using System.Linq;

namespace Euca.Images.Engine.Images
{
    /// <summary>
    /// What to describe. With no ImageIds, Owners or ExecutableBy the query means what euca-describe-images
    /// means: images owned by the caller plus images the caller may launch.
    /// </summary>
    public sealed class ImageQuery
    {
        public IReadOnlyList<string> ImageIds { get; set; } = Array.Empty<string>();

        /// <summary>Account ids, <c>self</c>, or aliases such as <c>amazon</c>.</summary>
        public IReadOnlyList<string> Owners { get; set; } = Array.Empty<string>();

        /// <summary>Account ids, <c>self</c> or <c>all</c>.</summary>
        public IReadOnlyList<string> ExecutableBy { get; set; } = Array.Empty<string>();

        /// <summary>DescribeImages filters: name (e.g. <c>tag:Name</c>, <c>state</c>) to accepted values.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; set; } = new Dictionary<string, IReadOnlyList<string>>();

        /// <summary>Only images whose name matches one of these (* and ? are wildcards): the <c>name</c> filter.</summary>
        public IReadOnlyList<string> Names { get; set; } = Array.Empty<string>();

        /// <summary>Only images of these types: the <c>image-type</c> filter.</summary>
        public IReadOnlyList<ImageKind> ImageTypes { get; set; } = Array.Empty<ImageKind>();

        /// <summary>Only images with these root devices: the <c>root-device-type</c> filter.</summary>
        public IReadOnlyList<RootDeviceKind> RootDeviceTypes { get; set; } = Array.Empty<RootDeviceKind>();

        /// <summary>Only images in these states (available, pending, failed; any case): the <c>state</c> filter.</summary>
        public IReadOnlyList<string> States { get; set; } = Array.Empty<string>();

        /// <summary>Only images carrying every one of these tags (key and value): the <c>tag:KEY</c> filters.</summary>
        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Whether anything but the ids narrows the query, so that an image given by id may be left out without being unknown.</summary>
        internal bool IsNarrowed => Owners.Count > 0 || ExecutableBy.Count > 0 || DescribeFilters().Count > 0;

        /// <summary>
        /// The DescribeImages filters: <see cref="Filters"/>, with each typed property joining the filter of the same
        /// name (values that match any of them, without repeats), spelled as the cloud matches them (case-sensitively).
        /// </summary>
        internal IReadOnlyDictionary<string, IReadOnlyList<string>> DescribeFilters()
        {
            var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, IReadOnlyList<string>> filter in Filters ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                Join(filters, filter.Key, filter.Value);
            }

            Join(filters, "name", Names);
            Join(filters, "image-type", ImageTypes?.Select(t => t.ToString().ToLowerInvariant()));
            Join(filters, "root-device-type", RootDeviceTypes?.Select(t => t == RootDeviceKind.Ebs ? "ebs" : "instance-store"));
            Join(filters, "state", States?.Select(s => s.ToLowerInvariant()));
            foreach (KeyValuePair<string, string> tag in Tags ?? new Dictionary<string, string>())
            {
                Join(filters, "tag:" + tag.Key, new[] { tag.Value ?? string.Empty });
            }
            return filters;
        }

        private static void Join(Dictionary<string, IReadOnlyList<string>> filters, string name, IEnumerable<string>? values)
        {
            List<string> given = (values ?? Enumerable.Empty<string>()).ToList();
            if (given.Count == 0)
            {
                return;
            }

            filters[name] = filters.TryGetValue(name, out IReadOnlyList<string>? existing)
                ? existing.Concat(given).Distinct(StringComparer.Ordinal).ToList()
                : given.Distinct(StringComparer.Ordinal).ToList();
        }
    }
}
