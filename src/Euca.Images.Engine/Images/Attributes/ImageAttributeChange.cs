using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.Images.Attributes
{
    /// <summary>Changes to an image's attributes. Account ids are 12 digits; <c>all</c> means the group all (public).</summary>
    public sealed class ImageAttributeChange
    {
        public IReadOnlyList<string> AddLaunchPermission { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> RemoveLaunchPermission { get; set; } = Array.Empty<string>();

        /// <summary>Product codes to add (Eucalyptus and EC2 cannot remove them).</summary>
        public IReadOnlyList<string> ProductCodes { get; set; } = Array.Empty<string>();

        /// <summary>The new description, or null to leave it.</summary>
        public string? Description { get; set; }
    }
}
