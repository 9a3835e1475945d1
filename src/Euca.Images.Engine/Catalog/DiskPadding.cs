using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.DiskImages.Conversion;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Grows a disk to a minimum size (install-images.py's -s): cloud images are made small, and an instance's root
    /// file system grows into the space at boot. The added space is a hole, never written: the bundler skips holes.
    /// </summary>
    public static class DiskPadding
    {
        /// <summary>
        /// Returns the disk to install: the same file when it is large enough, the same file lengthened when it is a
        /// raw file this install made (<paramref name="mayChange"/>), else a sparse raw copy in the work folder (a
        /// qcow2 or vmdk must become raw to grow, and a user's own file is never changed).
        /// </summary>
        public static async Task<string> PadAsync(string diskPath, bool mayChange, long minimumSize, string workDirectory,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            bool raw;
            using (DiskImage disk = DiskImage.Open(diskPath))
            {
                if (disk.VirtualSize >= minimumSize)
                {
                    return diskPath;
                }

                raw = disk.IsRaw;
            }

            string padded = diskPath;
            if (!raw || !mayChange)
            {
                padded = Path.Combine(workDirectory, "padded.img");
                await RawImageConverter.ConvertAsync(diskPath, padded, force: false, progress, ct).ConfigureAwait(false);
            }

            using (var file = new FileStream(padded, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                file.SetLength(minimumSize);
            }

            return padded;
        }
    }
}
