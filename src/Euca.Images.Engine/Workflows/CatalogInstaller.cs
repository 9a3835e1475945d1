using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// Install-EucaCatalogImage: download (resumable, verified), unpack by content, pad, then install through the
    /// existing workflows: instance-store with <see cref="ImageInstaller"/> (an eustore tarball's kernel and ramdisk
    /// become the EKI and ERI the EMI boots with) or EBS-backed with <see cref="EbsImageInstaller"/>. Each image is
    /// tagged with the catalog entry's name and version. What is unpacked lives in a per-run folder that is removed
    /// however the run ends; the download is removed too unless kept on request, except a part file cut off by a
    /// failure or Ctrl+C, which stays for the next run to resume (see <see cref="DownloadFolder"/>).
    /// </summary>
    public sealed class CatalogInstaller
    {
        public const string NameTag = "catalog:name";
        public const string VersionTag = "catalog:version";

        private readonly CloudConnection _connection;
        private EbsImageRequest? _ebs;

        public CatalogInstaller(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>What a stopped EBS install left in the cloud (instance-store installs roll themselves back).</summary>
        public string DescribeLeftovers() => _ebs?.Journal.Describe() ?? "Nothing was left behind in the cloud.";

        /// <summary>Installs the request's image; returns the images made, in install order (kernel, ramdisk, machine).</summary>
        public async Task<IReadOnlyList<ImageInfo>> InstallAsync(CatalogInstallRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (request.Ebs ? request.AvailabilityZone is null : request.BundleFor is null)
            {
                throw new ArgumentException(request.Ebs ? "An EBS install needs an availability zone." : "An instance-store install needs BundleFor.", nameof(request));
            }

            DownloadFolder.PruneStale(request.DownloadDirectory, DateTime.UtcNow);
            string work = Path.Combine(request.DownloadDirectory, "unpack-" + Guid.NewGuid().ToString("N"));
            string? download = null;
            string stage = "downloading";
            try
            {
                string source = request.LocalPath ?? (download = await DownloadAsync(request, progress, ct).ConfigureAwait(false));
                stage = "unpacking";
                UnpackedImage unpacked = await CatalogUnpacker.UnpackAsync(UnpackRequest(request, source, work), progress, ct).ConfigureAwait(false);
                if (request.Ebs && unpacked.KernelPath != null)
                {
                    throw new EucaException(ErrorIds.CatalogEbsNeedsHvm, EucaErrorCategory.InvalidOperation,
                        $"'{request.Name}' boots its own kernel (paravirtual), and Eucalyptus boots EBS-backed images only as HVM: install it without -Ebs.", request.Name);
                }

                string disk = unpacked.DiskPath;
                if (request.MinimumSize > 0)
                {
                    stage = "growing the disk";
                    bool ours = !unpacked.DiskIsSource || (download != null && !request.KeepDownload);
                    disk = await DiskPadding.PadAsync(disk, ours, request.MinimumSize, work, progress, ct).ConfigureAwait(false);
                }

                stage = "installing";
                return request.Ebs
                    ? new[] { await InstallEbsAsync(request, disk, progress, ct).ConfigureAwait(false) }
                    : await InstallInstanceStoreAsync(request, disk, unpacked, progress, ct).ConfigureAwait(false);
            }
            catch (EucaException e) when (stage != "installing")
            {
                throw new EucaException(e, $"Installing '{request.Name}' failed while {stage}: {e.Message} Nothing was registered.");
            }
            finally
            {
                RemoveQuietly(work, download is null || request.KeepDownload ? null : download);
            }
        }

        /// <summary>The entry's tags: its name, and its version where the catalog gives one, with the caller's.</summary>
        public static IReadOnlyDictionary<string, string> TagsFor(CatalogInstallRequest request)
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal) { [NameTag] = request.Entry?.Name ?? request.Name };
            if (request.Entry?.Version is string version && version.Length > 0)
            {
                tags[VersionTag] = version;
            }

            foreach (KeyValuePair<string, string> tag in request.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            return tags;
        }

        private static async Task<string> DownloadAsync(CatalogInstallRequest request, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            Uri uri = request.Uri!;
            var download = new CatalogDownloadRequest(uri, DownloadFolder.FileFor(request.DownloadDirectory, uri))
            {
                ExpectedSize = request.Entry?.Generation == CatalogGeneration.EuimagePack ? null : request.Entry?.Size,
                Checksum = FileChecksum(request.Entry),
            };
            request.ConfigureDownload?.Invoke(download);
            using var downloader = new CatalogDownloader();
            return (await downloader.DownloadAsync(download, progress, ct).ConfigureAwait(false)).Path;
        }

        /// <summary>A euimage pack's SHA-256 is of the image inside it (checked while unpacking); every other checksum is of the download.</summary>
        private static CatalogChecksum? FileChecksum(CatalogImage? entry) =>
            entry?.Generation == CatalogGeneration.EuimagePack ? null : entry?.Checksum;

        private static CatalogUnpackRequest UnpackRequest(CatalogInstallRequest request, string source, string work) => new CatalogUnpackRequest(source, work)
        {
            Hypervisor = request.Hypervisor,
            PackImageChecksum = request.Entry?.Generation == CatalogGeneration.EuimagePack ? request.Entry.Checksum : null,
        };

        private async Task<IReadOnlyList<ImageInfo>> InstallInstanceStoreAsync(CatalogInstallRequest request, string disk, UnpackedImage unpacked,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            string architecture = ArchitectureOf(request);
            var install = new ImageInstallRequest(request.Name, Bundle(request, disk, request.Name, architecture, null),
                new BundleUploadTarget(request.Bucket) { KeyPrefix = request.KeyPrefix, ReplaceCheck = request.ReplaceCheck })
            {
                Kernel = unpacked.KernelPath is null ? null : Bundle(request, unpacked.KernelPath, request.Name + "-kernel", architecture, BundleImageType.Kernel),
                Ramdisk = unpacked.RamdiskPath is null ? null : Bundle(request, unpacked.RamdiskPath, request.Name + "-ramdisk", architecture, BundleImageType.Ramdisk),
                Description = DescriptionOf(request),
                Public = request.Public,
                Tags = TagsFor(request),
            };
            return await new ImageInstaller(_connection).InstallAsync(install, progress, ct).ConfigureAwait(false);
        }

        /// <summary>Each bundle is named after its image, not after the work file, so installs into one bucket do not collide.</summary>
        private static BundleCreateRequest Bundle(CatalogInstallRequest request, string path, string name, string architecture, BundleImageType? type)
        {
            BundleCreateRequest bundle = request.BundleFor!(path, new BundleImageProperties { Architecture = architecture, ImageType = type });
            bundle.Prefix = name;
            return bundle;
        }

        private async Task<ImageInfo> InstallEbsAsync(CatalogInstallRequest request, string disk, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            var import = new VolumeImportRequest(disk, request.Bucket, request.AvailabilityZone!) { KeyPrefix = request.KeyPrefix };
            _ebs = new EbsImageRequest(request.Name, import)
            {
                Architecture = ArchitectureOf(request),
                Description = DescriptionOf(request),
                Public = request.Public,
                Tags = TagsFor(request),
            };
            return await new EbsImageInstaller(_connection).InstallAsync(_ebs, progress, ct).ConfigureAwait(false);
        }

        /// <summary>The caller's description, else the catalog's, shortened to the 255 characters Eucalyptus accepts.</summary>
        private static string? DescriptionOf(CatalogInstallRequest request) =>
            request.Description ?? (request.Entry?.Description is string text && text.Length > 255 ? text.Substring(0, 254) + "…" : request.Entry?.Description);

        private static string ArchitectureOf(CatalogInstallRequest request) => request.Architecture ?? request.Entry?.Architecture ?? "x86_64";

        private static void RemoveQuietly(string work, string? download)
        {
            try
            {
                if (Directory.Exists(work))
                {
                    Directory.Delete(work, recursive: true);
                }

                if (download != null)
                {
                    File.Delete(download);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Left for the next prune of the download folder; the install's own outcome matters more.
            }
        }
    }
}
