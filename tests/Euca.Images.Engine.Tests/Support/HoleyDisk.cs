using System;
using System.IO;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.DiskImages.Writers;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Raw disks of random data with holes, placed where the writers' structures have edges (a VHDX block, a VMDK
    /// grain table's range, a unit that is half data), and the writers fed with them in odd-sized writes, as the
    /// payload reader's untar stage feeds them.
    /// </summary>
    public static class HoleyDisk
    {
        /// <summary>100 MiB and 3 sectors: data across the 32 MiB edge, none from 64 to 96 MiB (an absent VHDX block and grain table), the last sector.</summary>
        public const long Size = (100L << 20) + 1536;

        public static byte[] Make(long size = Size, int seed = 15)
        {
            var disk = new byte[size];
            var random = new Random(seed);
            foreach ((long offset, int length) in new[] { (0L, 70_000), (5L << 20, 32768), ((32L << 20) - 3000, 200_000), (size - 512, 512) })
            {
                if (offset >= 0 && offset + length <= size)
                {
                    random.NextBytes(disk.AsSpan((int)offset, length));
                }
            }

            return disk;
        }

        /// <summary>Writes <paramref name="disk"/> as <paramref name="format"/> into <paramref name="path"/> in writes of varying sizes.</summary>
        public static DiskImageWriter Write(DiskFormat format, byte[] disk, string path)
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite);
            DiskImageWriter writer = DiskImageWriter.Create(format, file, disk.Length, Path.GetFileName(path));
            int at = 0;
            for (int step = 1; at < disk.Length; step++)
            {
                int n = Math.Min(disk.Length - at, step % 3 == 0 ? 1 << 20 : 4096 * step + 7);
                writer.Write(disk, at, n);
                at += n;
            }

            writer.Complete();
            return writer;
        }

        /// <summary>The bytes of the disk that lie in 64 KiB units holding data: what a writer stores.</summary>
        public static long DataUnitBytes(byte[] disk)
        {
            long total = 0;
            for (int at = 0; at < disk.Length; at += DiskImageWriter.UnitSize)
            {
                int n = Math.Min(DiskImageWriter.UnitSize, disk.Length - at);
                if (Array.FindIndex(disk, at, n, b => b != 0) >= 0)
                {
                    total += n;
                }
            }

            return total;
        }
    }
}
