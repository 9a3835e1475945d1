using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// What <see cref="CatalogInstaller"/> installs: a catalog entry, a URL, or a file already downloaded; and how,
    /// instance-store through <see cref="ImageInstaller"/> (the default) or EBS-backed through <see cref="EbsImageInstaller"/>.
    /// </summary>
    public sealed class CatalogInstallRequest
    {
        private CatalogInstallRequest(string name, string bucket)
        {
            Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("An image needs a name.", nameof(name)) : name;
            Bucket = bucket ?? throw new ArgumentNullException(nameof(bucket));
        }

        /// <summary>
        /// An entry from a catalog: its URL, size and checksum, named after it unless <paramref name="name"/> is given.
        /// An entry read from a file (a euimage pack, a catalog file with file URLs) is read where it is.
        /// </summary>
        public static CatalogInstallRequest ForEntry(CatalogImage entry, string? name, string bucket) =>
            new CatalogInstallRequest(name ?? (entry ?? throw new ArgumentNullException(nameof(entry))).Name, bucket)
            {
                Entry = entry,
                Uri = entry.Uri.IsFile ? null : entry.Uri,
                LocalPath = entry.Uri.IsFile ? entry.Uri.LocalPath : null,
            };

        /// <summary>One image file or tarball at a URL, with no catalog to give its size or checksum.</summary>
        public static CatalogInstallRequest ForUri(Uri uri, string name, string bucket) =>
            new CatalogInstallRequest(name, bucket) { Uri = uri ?? throw new ArgumentNullException(nameof(uri)) };

        /// <summary>A file already downloaded; it is read, never changed or deleted.</summary>
        public static CatalogInstallRequest ForFile(string path, string name, string bucket) =>
            new CatalogInstallRequest(name, bucket) { LocalPath = path ?? throw new ArgumentNullException(nameof(path)) };

        public string Name { get; }

        public string Bucket { get; }

        public CatalogImage? Entry { get; private set; }

        public Uri? Uri { get; private set; }

        public string? LocalPath { get; private set; }

        public string? KeyPrefix { get; set; }

        /// <summary>Overrides the entry's architecture; x86_64 when neither says.</summary>
        public string? Architecture { get; set; }

        /// <summary>The kernel folder of an eustore tarball (kvm, xen); null: kvm, else the only one.</summary>
        public string? Hypervisor { get; set; }

        /// <summary>Grow the disk to at least this many bytes, sparsely; 0 leaves it as it is.</summary>
        public long MinimumSize { get; set; }

        public bool Public { get; set; }

        public string? Description { get; set; }

        /// <summary>Tags added to those naming the catalog entry (catalog:name, catalog:version).</summary>
        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Keep the verified download in <see cref="DownloadDirectory"/> after the install.</summary>
        public bool KeepDownload { get; set; }

        /// <summary>
        /// Where the download is made (and resumed from), and where a per-run folder holds what is unpacked from it
        /// until the install ends. Needs room for the download and the unpacked image.
        /// </summary>
        public string DownloadDirectory { get; set; } = DownloadFolder.Default;

        /// <summary>Retries, stall timeout and size limit of the download; the URL and destination are the installer's.</summary>
        public Action<CatalogDownloadRequest>? ConfigureDownload { get; set; }

        /// <summary>
        /// Makes the bundling request for a file (keys and certificates are the caller's); required for instance-store
        /// installs, unused with <see cref="Ebs"/>.
        /// </summary>
        public Func<string, BundleImageProperties, BundleCreateRequest>? BundleFor { get; set; }

        /// <summary>Checked before each bundle is uploaded (Install-EucaImage's guard against replacing a registered image's bundle).</summary>
        public Func<ManifestLocation, CancellationToken, Task>? ReplaceCheck { get; set; }

        /// <summary>Install EBS-backed (import, snapshot, register) instead of instance-store; needs <see cref="AvailabilityZone"/>.</summary>
        public bool Ebs { get; set; }

        public string? AvailabilityZone { get; set; }
    }
}
