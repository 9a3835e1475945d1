using System;
using System.Collections.Generic;

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
    }
}
