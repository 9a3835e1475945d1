using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// One pass over an image tarball, writing out only what an install needs: the disk image (*.img, *.raw; a euimage
    /// pack's image.xz, decompressed and hashed on the way), and the kernels and ramdisks of eustore tarballs, either
    /// in <c>HYPERVISOR-kernel/</c> folders or, for single-kernel images, at the top level. Everything else is read
    /// past. Which kernel folder to use is decided at the end, once every folder has been seen.
    /// </summary>
    internal sealed class TarballUnpacker
    {
        private const long MaxPackMetadata = 1 << 20;
        private readonly CatalogUnpackRequest _request;
        private readonly string _what;
        private readonly IProgress<OperationProgress>? _progress;
        private readonly CancellationToken _ct;
        private readonly List<string> _disks = new List<string>();
        private readonly Dictionary<string, BootFiles> _bootFolders = new Dictionary<string, BootFiles>(StringComparer.Ordinal);
        private string? _packYaml;
        private string? _packImageSha256;

        public TarballUnpacker(CatalogUnpackRequest request, string what, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            _request = request;
            _what = what;
            _progress = progress;
            _ct = ct;
        }

        public UnpackedImage Unpack(Stream tar)
        {
            var reader = new CatalogTarReader(tar, _what);
            for (CatalogTarEntry? entry = reader.Next(); entry != null; entry = reader.Next())
            {
                _ct.ThrowIfCancellationRequested();
                Take(entry);
            }

            return _packImageSha256 != null ? VerifiedPackImage(_packImageSha256) : WithBootFiles(new UnpackedImage(OnlyDisk(), diskIsSource: false));
        }

        private void Take(CatalogTarEntry entry)
        {
            string name = entry.FileName.ToLowerInvariant();
            bool topLevel = entry.Folder.Length == 0;
            if (topLevel && name == "pack-md.yml")
            {
                _packYaml = Encoding.UTF8.GetString(ReadSmall(entry, MaxPackMetadata));
            }
            else if (topLevel && name == "image.xz")
            {
                TakePackImage(entry);
            }
            else if ((topLevel || IsKernelFolder(entry.Folder)) && BootFileKind(name) is string kind)
            {
                TakeBootFile(entry, kind);
            }
            else if (!IsKernelFolder(entry.Folder) && (name.EndsWith(".img", StringComparison.Ordinal) || name.EndsWith(".raw", StringComparison.Ordinal)))
            {
                CheckSize(entry, _request.MaxImageBytes);
                string path = WorkPath($"disk-{_disks.Count}.img");
                SparseFileWriter.Write(entry.Open(), path, entry.Size, null, _progress, $"Unpacking {entry.Path} from {_what}", _ct);
                _disks.Add(path);
            }
        }

        private static bool IsKernelFolder(string folder) => folder.EndsWith("-kernel", StringComparison.Ordinal) && folder.IndexOf('/') < 0;

        /// <summary>eustore's names: vmlinu* kernels; initrd*, initramfs* or loader ramdisks.</summary>
        private static string? BootFileKind(string name) =>
            name.StartsWith("vmlinu", StringComparison.Ordinal) ? "kernel"
            : name.StartsWith("initrd", StringComparison.Ordinal) || name.StartsWith("initramfs", StringComparison.Ordinal) || name.StartsWith("loader", StringComparison.Ordinal) ? "ramdisk"
            : null;

        private void TakeBootFile(CatalogTarEntry entry, string kind)
        {
            CheckSize(entry, _request.MaxBootFileBytes);
            if (!_bootFolders.TryGetValue(entry.Folder, out BootFiles? files))
            {
                files = new BootFiles();
                _bootFolders.Add(entry.Folder, files);
            }

            string folder = Path.Combine(_request.WorkDirectory, entry.Folder.Length == 0 ? "boot" : entry.Folder);
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, entry.FileName);
            SparseFileWriter.Write(entry.Open(), path, entry.Size, null, null, $"Unpacking {entry.Path}", _ct);
            if (kind == "kernel")
            {
                files.Kernel = path;
            }
            else
            {
                files.Ramdisk = path;
            }
        }

        /// <summary>
        /// image.xz is decompressed and hashed in one pass; its expected SHA-256 (of the decompressed image) may come
        /// from pack-md.yml later in the tar, so the comparison waits for the end. The decompressed bytes are what
        /// euca2ools hashes (euca2ools/commands/euimage/pack/pack.py, ImagePack.build: the digest is updated with each
        /// chunk before it goes to xz) and what euimage-install-pack verifies (installpackedimage.py, main).
        /// </summary>
        private void TakePackImage(CatalogTarEntry entry)
        {
            CheckSize(entry, _request.MaxImageBytes);
            string path = WorkPath("disk-0.img");
            using var hasher = new ChecksumHasher(CatalogChecksumAlgorithm.Sha256);
            using (Stream image = PackedContent.Decompress(PackedKind.Xz, entry.Open(), _what + " image.xz"))
            {
                SparseFileWriter.Write(image, path, _request.MaxImageBytes, hasher, _progress, $"Decompressing image.xz from {_what}", _ct);
            }

            _disks.Add(path);
            _packImageSha256 = hasher.Finish();
        }

        private UnpackedImage VerifiedPackImage(string actual)
        {
            CatalogChecksum expected = _request.PackImageChecksum
                ?? (_packYaml is null ? null : EuimagePackMetadata.ImageChecksum(_packYaml))
                ?? throw new EucaException(ErrorIds.CatalogPackChecksumMissing, EucaErrorCategory.InvalidData,
                    $"The euimage pack {_what} gives no SHA-256 for its image (pack-md.yml image sha256sum), so it cannot be verified.", _what);
            ChecksumHasher.Compare(expected, actual, $"The image in the euimage pack {_what}");
            return new UnpackedImage(_disks[0], diskIsSource: false);
        }

        private string OnlyDisk()
        {
            if (_disks.Count != 1)
            {
                throw new EucaException(ErrorIds.CatalogImageNotFound, EucaErrorCategory.InvalidData, _disks.Count == 0
                    ? $"{_what} holds no disk image (*.img or *.raw)."
                    : $"{_what} holds {_disks.Count} disk images (*.img or *.raw); an image tarball holds one.", _what);
            }

            return _disks[0];
        }

        /// <summary>
        /// The kernel folder asked for; without -Hypervisor kvm (the hypervisor of current Eucalyptus), else the only
        /// folder there is. A tarball without kernel folders may keep its kernel at the top level (single-kernel).
        /// </summary>
        private UnpackedImage WithBootFiles(UnpackedImage image)
        {
            var folders = _bootFolders.Keys.Where(f => f.Length > 0).Select(f => f.Substring(0, f.Length - "-kernel".Length)).OrderBy(h => h, StringComparer.Ordinal).ToList();
            string? hypervisor = _request.Hypervisor?.ToLowerInvariant()
                ?? (folders.Contains("kvm") ? "kvm" : folders.Count == 1 ? folders[0] : null);
            if (folders.Count > 0 && (hypervisor is null || !folders.Contains(hypervisor)))
            {
                throw new EucaException(ErrorIds.CatalogKernelNotFound, EucaErrorCategory.ObjectNotFound,
                    $"{_what} has kernels for {string.Join(", ", folders)}{(hypervisor is null ? "" : ", not for " + hypervisor)}: choose one with -Hypervisor.", hypervisor);
            }

            string folder = hypervisor is null || folders.Count == 0 ? string.Empty : hypervisor + "-kernel";
            if (!_bootFolders.TryGetValue(folder, out BootFiles? files))
            {
                return image;
            }

            if (files.Kernel is null)
            {
                throw new EucaException(ErrorIds.CatalogKernelNotFound, EucaErrorCategory.ObjectNotFound,
                    $"{_what} has a ramdisk in '{(folder.Length == 0 ? "/" : folder)}' but no kernel (vmlinu*) beside it.", folder);
            }

            image.KernelPath = files.Kernel;
            image.RamdiskPath = files.Ramdisk;
            return image;
        }

        private byte[] ReadSmall(CatalogTarEntry entry, long max)
        {
            CheckSize(entry, max);
            var bytes = new byte[entry.Size];
            using Stream stream = entry.Open();
            int done = 0;
            int n;
            while (done < bytes.Length && (n = stream.Read(bytes, done, bytes.Length - done)) > 0)
            {
                done += n;
            }

            return bytes;
        }

        private void CheckSize(CatalogTarEntry entry, long max)
        {
            if (entry.Size > max)
            {
                throw new EucaException(ErrorIds.CatalogContentTooLarge, EucaErrorCategory.InvalidData,
                    $"{_what} declares {entry.Size} bytes for '{entry.Path}', more than the {max} such a file may have.", entry.Path);
            }
        }

        private string WorkPath(string name) => Path.Combine(_request.WorkDirectory, name);

        private sealed class BootFiles
        {
            public string? Kernel { get; set; }

            public string? Ramdisk { get; set; }
        }
    }
}
