using System;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// The bounds every catalog read keeps, because a catalog is whatever a URL answers: the largest real catalogs are
    /// a few kilobytes and a pack's metadata a few hundred bytes, so the caps leave room without letting a hostile or
    /// mistaken URL fill memory; every fetch and every url-meta expression has a deadline.
    /// </summary>
    public sealed class CatalogReadOptions
    {
        /// <summary>The most bytes a catalog JSON may have.</summary>
        public long MaxCatalogBytes { get; set; } = 4 * 1024 * 1024;

        /// <summary>The most bytes a <c>url-meta</c> document may have (Fedora CoreOS' stream metadata is about 30 KiB).</summary>
        public long MaxMetaBytes { get; set; } = 1024 * 1024;

        /// <summary>The most bytes of pack-md.yml or image-md.yml, and of a tar extension header in a pack.</summary>
        public long MaxPackMetadataBytes { get; set; } = 256 * 1024;

        /// <summary>How deeply JSON and YAML may nest (real catalogs nest four levels).</summary>
        public int MaxDepth { get; set; } = 32;

        /// <summary>How long one fetch (connection, headers and the whole body) may take.</summary>
        public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long a <c>url-meta-regex</c> may run on its document.</summary>
        public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromSeconds(2);
    }
}
