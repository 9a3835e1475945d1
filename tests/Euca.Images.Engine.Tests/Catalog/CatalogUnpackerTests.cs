using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Catalog
{
    public sealed class CatalogUnpackerTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly byte[] _disk = Disk();

        public void Dispose() => _temp.Dispose();

        [Theory]
        [InlineData("gzip -c", "gz")]
        [InlineData("xz -c -T1", "xz")]
        [InlineData("bzip2 -c", "bz2")]
        public async Task EachCompressionIsToldByItsContentAndDecompressedIntoASparseFile(string compress, string kind)
        {
            File.WriteAllBytes(_temp.File("disk.raw"), _disk);
            // A misleading name: the content decides.
            Shell.Run($"{compress} disk.raw > download.bin", _temp.Path);

            UnpackedImage image = await UnpackAsync(Request("download.bin"));

            Assert.False(image.DiskIsSource, kind);
            Assert.Equal(_disk, File.ReadAllBytes(image.DiskPath));
            long allocated = long.Parse(Shell.Run($"stat -c %b '{image.DiskPath}'").Trim()) * 512;
            Assert.True(allocated < _disk.Length / 2, $"{allocated} bytes allocated for a {_disk.Length}-byte disk that is mostly holes");
        }

        [Fact]
        public async Task ADiskImageIsUsedAsItIsWithoutACopy()
        {
            string qcow2 = QemuImg.MakeSource(_temp.Path);
            QemuImg.Run("qemu-img convert -O qcow2 source.raw image.tgz", _temp.Path);

            UnpackedImage image = await UnpackAsync(Request("image.tgz"));

            Assert.True(image.DiskIsSource);
            Assert.Equal(_temp.File("image.tgz"), image.DiskPath);
            Assert.Empty(Directory.GetFileSystemEntries(_temp.File("work")));
        }

        [Fact]
        public async Task ATarGzWithARawImageGivesTheRawImage()
        {
            File.WriteAllBytes(_temp.File("ubuntu.raw"), _disk);
            Shell.Run("tar czf ubuntu.tar.gz ubuntu.raw README 2>/dev/null || (echo readme > README && tar czf ubuntu.tar.gz ubuntu.raw README)", _temp.Path);

            UnpackedImage image = await UnpackAsync(Request("ubuntu.tar.gz"));

            Assert.Equal(_disk, File.ReadAllBytes(image.DiskPath));
            Assert.Null(image.KernelPath);
        }

        [Fact]
        public async Task AnEustoreTarballGivesTheKernelAndRamdiskOfTheChosenHypervisor()
        {
            File.WriteAllBytes(_temp.File("centos.img"), _disk);
            Shell.Run("mkdir kvm-kernel xen-kernel && echo kvm-kernel > kvm-kernel/vmlinuz-2.6.32 && echo kvm-ramdisk > kvm-kernel/initrd-2.6.32.img " +
                "&& echo xen-kernel > xen-kernel/vmlinuz-2.6.32xen && echo xen-ramdisk > xen-kernel/initramfs-2.6.32xen.img " +
                "&& tar czf eustore.tgz centos.img kvm-kernel xen-kernel", _temp.Path);

            UnpackedImage kvm = await UnpackAsync(Request("eustore.tgz"));
            CatalogUnpackRequest xenRequest = Request("eustore.tgz", "work-xen");
            xenRequest.Hypervisor = "xen";
            UnpackedImage xen = await UnpackAsync(xenRequest);

            Assert.Equal(_disk, File.ReadAllBytes(kvm.DiskPath));
            Assert.Equal(("kvm-kernel\n", "kvm-ramdisk\n"), (File.ReadAllText(kvm.KernelPath!), File.ReadAllText(kvm.RamdiskPath!)));
            Assert.Equal(("xen-kernel\n", "xen-ramdisk\n"), (File.ReadAllText(xen.KernelPath!), File.ReadAllText(xen.RamdiskPath!)));

            CatalogUnpackRequest vmware = Request("eustore.tgz", "work-vmware");
            vmware.Hypervisor = "vmware";
            var failure = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(vmware));
            Assert.Equal(ErrorIds.CatalogKernelNotFound.Name, failure.ErrorId);
            Assert.Contains("kvm, xen", failure.Message);
        }

        [Fact]
        public async Task ASingleKernelTarballKeepsItsKernelAndRamdiskAtTheTopLevel()
        {
            File.WriteAllBytes(_temp.File("debian.img"), _disk);
            Shell.Run("echo kernel > vmlinuz && echo ramdisk > initrd.img && tar cf single.tar ./debian.img ./vmlinuz ./initrd.img", _temp.Path);

            UnpackedImage image = await UnpackAsync(Request("single.tar"));

            Assert.Equal(_disk, File.ReadAllBytes(image.DiskPath));
            Assert.Equal("kernel\n", File.ReadAllText(image.KernelPath!));
            Assert.Equal("ramdisk\n", File.ReadAllText(image.RamdiskPath!));
        }

        [Theory]
        [InlineData(true, true)]
        [InlineData(false, true)]
        [InlineData(true, false)]
        public async Task AEuimagePackIsDecompressedAndVerifiedAgainstItsPackMetadata(bool metadataFirst, bool nested)
        {
            File.WriteAllBytes(_temp.File("image"), _disk);
            Shell.Run("xz -c -T1 image > image.xz", _temp.Path);
            string sha = Convert.ToHexString(SHA256.HashData(_disk)).ToLowerInvariant();
            string yaml = nested ? $"image:\n  sha256sum: {sha}\n  size: {_disk.Length}\nversion: 1\n" : $"image_sha256sum: {sha}\nimage_size: {_disk.Length}\nversion: 1\n";
            var pack = new TarBuilder();
            if (metadataFirst)
            {
                pack.Add("pack-md.yml", yaml);
            }

            pack.Add("image-md.yml", "name: centos\nversion: '7'\n").Add("image.xz", File.ReadAllBytes(_temp.File("image.xz")));
            if (!metadataFirst)
            {
                pack.Add("pack-md.yml", yaml);
            }

            File.WriteAllBytes(_temp.File("centos.euimage"), pack.ToArray());

            UnpackedImage image = await UnpackAsync(Request("centos.euimage"));

            Assert.Equal(_disk, File.ReadAllBytes(image.DiskPath));
        }

        [Fact]
        public async Task AEuimagePackWithAWrongOrNoChecksumIsRefused()
        {
            File.WriteAllBytes(_temp.File("image"), _disk);
            Shell.Run("xz -c -T1 image > image.xz", _temp.Path);
            byte[] xz = File.ReadAllBytes(_temp.File("image.xz"));
            File.WriteAllBytes(_temp.File("wrong.euimage"), new TarBuilder().Add("pack-md.yml", $"image_sha256sum: {new string('0', 64)}\n").Add("image.xz", xz).ToArray());
            File.WriteAllBytes(_temp.File("none.euimage"), new TarBuilder().Add("pack-md.yml", "version: 1\n").Add("image.xz", xz).ToArray());

            var wrong = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(Request("wrong.euimage")));
            var none = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(Request("none.euimage", "work-none")));

            Assert.Equal(ErrorIds.CatalogChecksumMismatch.Name, wrong.ErrorId);
            Assert.Equal(ErrorIds.CatalogPackChecksumMissing.Name, none.ErrorId);
        }

        [Theory]
        [InlineData("../escape.img", '0', "CatalogTarEntryRefused")]
        [InlineData("/etc/escape.img", '0', "CatalogTarEntryRefused")]
        [InlineData("kvm-kernel/../../escape.img", '0', "CatalogTarEntryRefused")]
        [InlineData("link.img", '2', "CatalogTarEntryRefused")]
        [InlineData("hard.img", '1', "CatalogTarEntryRefused")]
        [InlineData("device.img", '3', "CatalogTarEntryRefused")]
        [InlineData("fifo.img", '6', "CatalogTarEntryRefused")]
        public async Task HostileTarEntriesAreRefused(string name, char type, string errorId)
        {
            File.WriteAllBytes(_temp.File("hostile.tar"), new TarBuilder().Add(name, type == '0' ? _disk : Array.Empty<byte>(), type, linkTarget: type == '0' ? "" : "/etc/passwd").ToArray());

            var failure = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(Request("hostile.tar")));

            Assert.Equal(errorId, failure.ErrorId);
            Assert.False(File.Exists(Path.Combine(_temp.Path, "escape.img")));
        }

        [Fact]
        public async Task HugeDeclaredSizesAreRefusedBeforeAnythingIsWritten()
        {
            File.WriteAllBytes(_temp.File("huge.tar"), new TarBuilder().Add("disk.img", new byte[512], declaredSize: 8L << 30).ToArray());
            File.WriteAllBytes(_temp.File("kernel.tar"), new TarBuilder().Add("disk.img", _disk).Add("vmlinuz", new byte[512], declaredSize: 1L << 30).ToArray());
            CatalogUnpackRequest huge = Request("huge.tar");
            huge.MaxImageBytes = 1L << 30;

            var image = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(huge));
            var kernel = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(Request("kernel.tar", "work-kernel")));

            Assert.Equal(ErrorIds.CatalogContentTooLarge.Name, image.ErrorId);
            Assert.Equal(ErrorIds.CatalogContentTooLarge.Name, kernel.ErrorId);
            Assert.Empty(Directory.GetFileSystemEntries(_temp.File("work")));
        }

        [Fact]
        public async Task ADeclaredSizeBeyondTheArchiveIsACorruptArchive()
        {
            File.WriteAllBytes(_temp.File("short.tar"), new TarBuilder().Add("disk.img", new byte[512], declaredSize: 1 << 20).ToArray());

            var failure = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(Request("short.tar")));

            Assert.Equal(ErrorIds.CatalogArchiveCorrupt.Name, failure.ErrorId);
        }

        [Theory]
        [InlineData("checksum")]
        [InlineData("pax")]
        public async Task ADamagedTarHeaderIsACorruptArchive(string damage)
        {
            byte[] tar = damage == "pax"
                ? new TarBuilder().Add("PaxHeaders/disk.img", System.Text.Encoding.ASCII.GetBytes("99 path=disk.img\n"), 'x').Add("disk.img", _disk).ToArray()
                : new TarBuilder().Add("disk.img", _disk).ToArray();
            if (damage == "checksum")
            {
                tar[10] ^= 0x55;
            }

            File.WriteAllBytes(_temp.File("damaged.tar"), tar);

            var failure = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(Request("damaged.tar")));

            Assert.Equal(ErrorIds.CatalogArchiveCorrupt.Name, failure.ErrorId);
            Assert.Empty(Directory.GetFileSystemEntries(_temp.File("work")));
        }

        [Fact]
        public async Task ACorruptCompressedFileIsACorruptArchive()
        {
            File.WriteAllBytes(_temp.File("disk.raw"), _disk);
            Shell.Run("xz -c -T1 disk.raw > disk.raw.xz", _temp.Path);
            byte[] xz = File.ReadAllBytes(_temp.File("disk.raw.xz"));
            xz[xz.Length / 2] ^= 0xFF;
            File.WriteAllBytes(_temp.File("disk.raw.xz"), xz);

            var failure = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(Request("disk.raw.xz")));

            Assert.Equal(ErrorIds.CatalogArchiveCorrupt.Name, failure.ErrorId);
        }

        [Fact]
        public async Task ATarballWithoutOneDiskImageIsRefused()
        {
            File.WriteAllBytes(_temp.File("none.tar"), new TarBuilder().Add("README", "no image here").ToArray());
            File.WriteAllBytes(_temp.File("two.tar"), new TarBuilder().Add("a.img", _disk).Add("b.raw", _disk).ToArray());

            var none = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(Request("none.tar")));
            var two = await Assert.ThrowsAsync<EucaException>(() => UnpackAsync(Request("two.tar", "work-two")));

            Assert.Equal(ErrorIds.CatalogImageNotFound.Name, none.ErrorId);
            Assert.Equal(ErrorIds.CatalogImageNotFound.Name, two.ErrorId);
        }

        private CatalogUnpackRequest Request(string file, string work = "work") => new CatalogUnpackRequest(_temp.File(file), _temp.File(work));

        private static async Task<UnpackedImage> UnpackAsync(CatalogUnpackRequest request)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            return await CatalogUnpacker.UnpackAsync(request, null, timeout.Token);
        }

        /// <summary>4 MiB, mostly zeros, with data at the start, the middle and the end.</summary>
        private static byte[] Disk()
        {
            var disk = new byte[4 << 20];
            var random = new Random(14);
            foreach (int offset in new[] { 0, 2 << 20, (4 << 20) - 4096 })
            {
                random.NextBytes(new Span<byte>(disk, offset, 4096));
            }

            return disk;
        }
    }
}
