using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>What <see cref="ImageRemoval"/> did with the image's bundle.</summary>
    public sealed class ImageRemovalResult
    {
        internal ImageRemovalResult(string? bundleLocation, bool bundleRemoved, IReadOnlyList<string> bundleKeptFor)
        {
            BundleLocation = bundleLocation;
            BundleRemoved = bundleRemoved;
            BundleKeptFor = bundleKeptFor;
        }

        /// <summary>The image's manifest location, when its bundle was to be removed and it has one (instance-store).</summary>
        public string? BundleLocation { get; }

        public bool BundleRemoved { get; }

        /// <summary>The other registered images that use the bundle, which is why it was kept; empty otherwise.</summary>
        public IReadOnlyList<string> BundleKeptFor { get; }

        internal static ImageRemovalResult NoBundle { get; } = new ImageRemovalResult(null, false, Array.Empty<string>());
    }
}
