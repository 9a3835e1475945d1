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

        /// <summary>The attributes this change touches, in the order they are changed; empty when it changes nothing.</summary>
        public IReadOnlyList<ImageAttributeName> ChangedAttributes()
        {
            var changed = new List<ImageAttributeName>();
            if ((AddLaunchPermission?.Count ?? 0) + (RemoveLaunchPermission?.Count ?? 0) > 0)
            {
                changed.Add(ImageAttributeName.LaunchPermission);
            }

            if ((ProductCodes?.Count ?? 0) > 0)
            {
                changed.Add(ImageAttributeName.ProductCodes);
            }

            if (Description != null)
            {
                changed.Add(ImageAttributeName.Description);
            }

            return changed;
        }
    }
}
