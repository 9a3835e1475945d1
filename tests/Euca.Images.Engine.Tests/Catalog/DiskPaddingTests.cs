using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Catalog
{
    public sealed class DiskPaddingTests : IDisposable
    {
        private const long Minimum = 64L << 20;
        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose() => _temp.Dispose();

        [Fact]
        public async Task ARawDiskTheInstallMadeIsLengthenedInPlaceWithAHole()
        {
            string disk = QemuImg.MakeSource(_temp.Path);
            byte[] before = File.ReadAllBytes(disk);

            string padded = await DiskPadding.PadAsync(disk, mayChange: true, Minimum, _temp.Path, null, CancellationToken.None);

            Assert.Equal(disk, padded);
            Assert.Equal(Minimum, new FileInfo(padded).Length);
            AssertPaddedCopyOf(before, padded);
        }

        [Fact]
        public async Task AUsersFileOrAQcow2BecomesAPaddedRawCopyAndIsNotChanged()
        {
            string raw = QemuImg.MakeSource(_temp.Path);
            byte[] content = File.ReadAllBytes(raw);
            QemuImg.Run("qemu-img convert -O qcow2 source.raw source.qcow2", _temp.Path);
            string qcow2 = _temp.File("source.qcow2");
            byte[] qcow2Before = File.ReadAllBytes(qcow2);

            string fromRaw = await DiskPadding.PadAsync(raw, mayChange: false, Minimum, Directory.CreateDirectory(_temp.File("a")).FullName, null, CancellationToken.None);
            string fromQcow2 = await DiskPadding.PadAsync(qcow2, mayChange: true, Minimum, Directory.CreateDirectory(_temp.File("b")).FullName, null, CancellationToken.None);

            Assert.Equal(content, File.ReadAllBytes(raw));
            Assert.Equal(qcow2Before, File.ReadAllBytes(qcow2));
            AssertPaddedCopyOf(content, fromRaw);
            AssertPaddedCopyOf(content, fromQcow2);
        }

        [Fact]
        public async Task ADiskAlreadyLargeEnoughIsLeftAsItIs()
        {
            string disk = QemuImg.MakeSource(_temp.Path);

            string result = await DiskPadding.PadAsync(disk, mayChange: true, QemuImg.SourceSize, _temp.Path, null, CancellationToken.None);

            Assert.Equal(disk, result);
            Assert.Equal(QemuImg.SourceSize, new FileInfo(disk).Length);
        }

        private static void AssertPaddedCopyOf(byte[] original, string padded)
        {
            byte[] bytes = File.ReadAllBytes(padded);
            Assert.Equal(Minimum, bytes.Length);
            Assert.Equal(original, bytes.AsSpan(0, original.Length).ToArray());
            Assert.True(bytes.AsSpan(original.Length).IndexOfAnyExcept((byte)0) < 0);
            long allocated = long.Parse(Shell.Run($"stat -c %b '{padded}'").Trim()) * 512;
            Assert.True(allocated < 4L << 20, $"{allocated} bytes allocated: the padding was written");
        }
    }
}
