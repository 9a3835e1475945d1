using System;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>What <see cref="CatalogUnpacker"/> unpacks, into where, and what it checks.</summary>
    public sealed class CatalogUnpackRequest
    {
        public CatalogUnpackRequest(string sourcePath, string workDirectory)
        {
            SourcePath = sourcePath ?? throw new ArgumentNullException(nameof(sourcePath));
            WorkDirectory = workDirectory ?? throw new ArgumentNullException(nameof(workDirectory));
        }

        public string SourcePath { get; }

        /// <summary>An empty folder for the unpacked files; the caller removes it.</summary>
        public string WorkDirectory { get; }

        /// <summary>The kernel folder to take from an eustore tarball (kvm, xen); null takes kvm, else the only one.</summary>
        public string? Hypervisor { get; set; }

        /// <summary>
        /// The SHA-256 a euimage pack's image must have (the catalog's; else the pack's own pack-md.yml gives it).
        /// </summary>
        public CatalogChecksum? PackImageChecksum { get; set; }

        /// <summary>No unpacked disk image may be larger.</summary>
        public long MaxImageBytes { get; set; } = 1L << 40;

        /// <summary>No kernel, ramdisk or metadata file may be larger.</summary>
        public long MaxBootFileBytes { get; set; } = 256L << 20;
    }
}
