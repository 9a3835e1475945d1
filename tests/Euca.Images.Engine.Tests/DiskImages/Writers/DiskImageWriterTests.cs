using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.DiskImages.Writers;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;
using Xunit;

namespace Euca.Images.Engine.Tests.DiskImages.Writers
{
    /// <summary>
    /// The export writers: what they write reads back byte for byte with our readers and with qemu-img, is the format
    /// and variant intended, stores only the units with data, and needs no memory that grows with the disk.
    /// </summary>
    public sealed class DiskImageWriterTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose() => _temp.Dispose();

        [Theory]
        [InlineData(DiskFormat.Raw, "raw")]
        [InlineData(DiskFormat.Vhdx, "dynamic")]
        [InlineData(DiskFormat.Vmdk, "streamOptimized")]
        public void AWrittenDiskReadsBackByteForByteWithOurReaders(DiskFormat format, string subformat)
        {
            byte[] disk = HoleyDisk.Make();
            string path = _temp.File("disk." + format);

            DiskImageWriter writer = HoleyDisk.Write(format, disk, path);

            using DiskImage image = DiskImage.Open(path);
            Assert.Equal(format, image.Format);
            Assert.Equal(subformat, image.Subformat);
            Assert.Equal((format, subformat), (writer.Format, writer.Subformat));
            Assert.Equal(disk.Length, image.VirtualSize);
            Assert.Equal(QemuImg.Sha256(disk), QemuImg.Sha256(ReadAll(image)));
            Assert.Equal(HoleyDisk.DataUnitBytes(disk), writer.DataBytes);
        }

        [Theory]
        [InlineData(DiskFormat.Vhdx, "vhdx", null)]
        [InlineData(DiskFormat.Vmdk, "vmdk", "streamOptimized")]
        public void QemuImgFindsTheWrittenDiskEqualToTheRawAndOfTheIntendedFormat(DiskFormat format, string qemuFormat, string? createType)
        {
            byte[] disk = HoleyDisk.Make();
            string raw = _temp.File("disk.raw");
            File.WriteAllBytes(raw, disk);
            string path = _temp.File("disk." + qemuFormat);
            HoleyDisk.Write(format, disk, path);

            string info = QemuImg.Run($"qemu-img info --output=json '{path}'", _temp.Path);
            string compare = QemuImg.Run($"qemu-img compare -f raw -F {qemuFormat} '{raw}' '{path}'", _temp.Path);
            QemuImg.Run($"qemu-img check -f {qemuFormat} '{path}'", _temp.Path);

            Assert.Contains("Images are identical", compare);
            Assert.Contains($"\"format\": \"{qemuFormat}\"", info);
            Assert.Contains($"\"virtual-size\": {disk.Length}", info);
            if (createType != null)
            {
                Assert.Contains($"\"create-type\": \"{createType}\"", info);
            }
        }

        [Fact]
        public void EveryGrainTableOfAStreamOptimizedVmdkIsWrittenAsVmwareWritesThemEvenForARangeWithoutData()
        {
            byte[] disk = HoleyDisk.Make();
            string path = _temp.File("tables.vmdk");
            HoleyDisk.Write(DiskFormat.Vmdk, disk, path);

            byte[] file = File.ReadAllBytes(path);
            var footer = file.AsSpan(file.Length - 1024, 512);
            long directory = BinaryPrimitives.ReadInt64LittleEndian(footer.Slice(56)) * 512;
            int tables = (int)((disk.Length + (32L << 20) - 1) / (32L << 20));
            var entries = Enumerable.Range(0, tables).Select(t => BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)directory + t * 4))).ToList();
            Assert.Equal(4, tables);
            Assert.DoesNotContain(0u, entries);
            Assert.All(file.AsSpan((int)entries[2] * 512, 2048).ToArray(), b => Assert.Equal(0, b)); // 64 to 96 MiB: no data
        }

        [Theory]
        [InlineData(DiskFormat.Raw, 1_000_003)]
        [InlineData(DiskFormat.Vhdx, 1_000_448)]
        [InlineData(DiskFormat.Vmdk, 1_000_448)]
        public void AnOddSizedDiskEndsInZerosUpToAWholeSectorWhereTheFormatCountsSectors(DiskFormat format, long virtualSize)
        {
            byte[] disk = HoleyDisk.Make(1_000_003, seed: 2);
            disk[^1] = 0xEE;
            string path = _temp.File("odd." + format);

            DiskImageWriter writer = HoleyDisk.Write(format, disk, path);

            using DiskImage image = DiskImage.Open(path);
            Assert.Equal(virtualSize, writer.VirtualSize);
            Assert.Equal(virtualSize, image.VirtualSize);
            byte[] read = ReadAll(image);
            Assert.Equal(disk, read.Take(disk.Length).ToArray());
            Assert.All(read.Skip(disk.Length), b => Assert.Equal(0, b));
        }

        [Theory]
        [InlineData(DiskFormat.Raw)]
        [InlineData(DiskFormat.Vhdx)]
        [InlineData(DiskFormat.Vmdk)]
        public void ALargeSparseDiskStoresOnlyItsDataAndTakesNoMoreMemoryThanASmallOne(DiskFormat format)
        {
            // Past 4 GiB, so the VHDX BAT has a sector-bitmap entry between its blocks (one after every 128).
            const long size = 5L << 30;
            var data = new byte[DiskImageWriter.UnitSize];
            new Random(4).NextBytes(data);
            var zeros = new byte[1 << 20];
            string path = _temp.File("sparse." + format);
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite);

            long before = GC.GetAllocatedBytesForCurrentThread();
            DiskImageWriter writer = DiskImageWriter.Create(format, file, size, "sparse.img");
            writer.Write(data, 0, data.Length);
            for (long at = data.Length; at < size - data.Length; at += zeros.Length)
            {
                writer.Write(zeros, 0, (int)Math.Min(zeros.Length, size - data.Length - at));
            }

            writer.Write(data, 0, data.Length);
            writer.Complete();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(allocated < 4 << 20, $"Writing a 5 GiB disk allocated {allocated} bytes.");
            Assert.Equal(2L * data.Length, writer.DataBytes);
            file.Dispose();
            long kibOnDisk = long.Parse(Shell.Run($"du -k '{path}' | cut -f1").Trim());
            Assert.True(kibOnDisk < 8 << 10, $"The 5 GiB disk with 128 KiB of data takes {kibOnDisk} KiB on disk.");
            using DiskImage image = DiskImage.Open(path);
            var last = new byte[data.Length];
            image.ReadAt(size - data.Length, last, 0, last.Length);
            Assert.Equal(data, last);
            if (format != DiskFormat.Raw)
            {
                // qemu reads VHDX without knowing where its holes are, so only the last unit is read (a whole compare takes half a minute); qemu-img dd counts its count from the start, skip included.
                string qemuFormat = format.ToString().ToLowerInvariant();
                QemuImg.Run($"qemu-img dd -f {qemuFormat} -O raw bs={data.Length} skip={size / data.Length - 1} count={size / data.Length} if='{path}' of=last.raw", _temp.Path);
                Assert.Equal(data, File.ReadAllBytes(_temp.File("last.raw")));
            }
        }

        [Theory]
        [InlineData(DiskFormat.Vhdx, (64L << 40) + 512)]
        [InlineData(DiskFormat.Vmdk, (2L << 40) + 512)]
        public void ADiskLargerThanTheFormatCanHoldIsRefusedBeforeAnythingIsWritten(DiskFormat format, long size)
        {
            using var file = new FileStream(_temp.File("huge"), FileMode.CreateNew, FileAccess.ReadWrite);

            var error = Assert.Throws<EucaException>(() => DiskImageWriter.Create(format, file, size, "huge"));

            Assert.Equal(ErrorIds.ExportImageTooLarge.Name, error.ErrorId);
            Assert.Equal(0, file.Length);
        }

        [Fact]
        public void AnEmptyDiskIsAnEmptyRawFileAndRefusedAsVhdxOrVmdk()
        {
            using (var file = new FileStream(_temp.File("empty.raw"), FileMode.CreateNew, FileAccess.ReadWrite))
            {
                DiskImageWriter.Create(DiskFormat.Raw, file, 0, "empty.raw").Complete();
                Assert.Equal(0, file.Length);
            }

            foreach (DiskFormat format in new[] { DiskFormat.Vhdx, DiskFormat.Vmdk })
            {
                using var file = new FileStream(_temp.File("empty." + format), FileMode.CreateNew, FileAccess.ReadWrite);
                var error = Assert.Throws<EucaException>(() => DiskImageWriter.Create(format, file, 0, "empty"));
                Assert.Equal(ErrorIds.ExportImageEmpty.Name, error.ErrorId);
            }
        }

        [Fact]
        public void AVmdkNamesItselfInItsDescriptorWithoutCharactersThatWouldBreakTheText()
        {
            string path = _temp.File("named.vmdk");
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                DiskImageWriter writer = DiskImageWriter.Create(DiskFormat.Vmdk, file, 4096, "web \"1\"\nRW 1 FLAT \"x\".vmdk");
                writer.Write(new byte[4096], 0, 4096);
                writer.Complete();
            }

            string descriptor = System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 512, 1024).TrimEnd('\0');
            Assert.Contains("RW 8 SPARSE \"web _1__RW 1 FLAT _x_.vmdk\"\n", descriptor);
            using DiskImage image = DiskImage.Open(path);
            Assert.Equal("streamOptimized", image.Subformat);
        }

        [Fact]
        public void BytesPastTheDiskSizeAndADiskEndedShortAreRefused()
        {
            using var file = new FileStream(_temp.File("short"), FileMode.CreateNew, FileAccess.ReadWrite);
            DiskImageWriter writer = DiskImageWriter.Create(DiskFormat.Vhdx, file, 4096, "short");
            writer.Write(new byte[1000], 0, 1000);

            Assert.Throws<IOException>(() => writer.Write(new byte[4000], 0, 4000));
            Assert.Throws<InvalidOperationException>(() => writer.Complete());
        }

        private static byte[] ReadAll(DiskImage image)
        {
            using var stream = image.OpenRawStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
