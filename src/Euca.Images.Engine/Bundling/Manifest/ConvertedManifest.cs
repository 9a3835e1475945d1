using System;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>A manifest converted for another cloud: the signed bytes to store and what they say.</summary>
    public sealed class ConvertedManifest
    {
        private readonly byte[] _content;

        internal ConvertedManifest(byte[] content, BundleManifest manifest)
        {
            _content = content ?? throw new ArgumentNullException(nameof(content));
            Manifest = manifest;
        }

        /// <summary>A copy of the file's bytes.</summary>
        public byte[] Content => (byte[])_content.Clone();

        public BundleManifest Manifest { get; }
    }
}
