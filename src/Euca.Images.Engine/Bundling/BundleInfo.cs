using System.Collections.Generic;
using Euca.Images.Engine.Bundling.Manifest;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>A bundle written to disk: its manifest and parts. Later commands (upload, register) take it as input.</summary>
    public sealed class BundleInfo
    {
        public BundleInfo(string manifestPath, string directory, BundleManifest manifest, IReadOnlyList<BundlePartInfo> parts, bool signed)
        {
            ManifestPath = manifestPath;
            Directory = directory;
            Prefix = manifest.ImageName;
            ImageType = manifest.ImageType;
            Architecture = manifest.Architecture ?? string.Empty;
            AccountId = manifest.AccountId;
            KernelId = manifest.KernelId;
            RamdiskId = manifest.RamdiskId;
            ImageSize = manifest.Size;
            BundledSize = manifest.BundledSize;
            ImageDigest = manifest.ImageDigest;
            Parts = parts;
            Signed = signed;
        }

        public string ManifestPath { get; }

        public string Directory { get; }

        /// <summary>The bundle's name: part and manifest file names start with it, and unbundling recreates a file of that name.</summary>
        public string Prefix { get; }

        public BundleImageType ImageType { get; }

        public string Architecture { get; }

        public string AccountId { get; }

        public string? KernelId { get; }

        public string? RamdiskId { get; }

        /// <summary>Bytes in the original image.</summary>
        public long ImageSize { get; }

        /// <summary>Bytes in all parts together (compressed and encrypted).</summary>
        public long BundledSize { get; }

        /// <summary>SHA-1 of the tar stream, lower-case hex, as in the manifest.</summary>
        public string ImageDigest { get; }

        public IReadOnlyList<BundlePartInfo> Parts { get; }

        /// <summary>False when the manifest says UNSIGNED (no private key was given).</summary>
        public bool Signed { get; }
    }
}
