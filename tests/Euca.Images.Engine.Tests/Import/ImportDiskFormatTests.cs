using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Tests.Support;
using Xunit;

namespace Euca.Images.Engine.Tests.Import
{
    /// <summary>
    /// What an import sends for each format: the import service takes RAW and VMDK only, so a sparse or stream VMDK
    /// goes as it is and everything else as its raw disk, read on the fly.
    /// </summary>
    public sealed class ImportDiskFormatTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly string _source;

        public ImportDiskFormatTests()
        {
            _source = QemuImg.MakeSource(_temp.Path);
        }

        public void Dispose() => _temp.Dispose();

        [Theory]
        [InlineData("qcow2", "")]
        [InlineData("vhdx", "")]
        [InlineData("vpc", "")]
        [InlineData("vmdk", "-o subformat=monolithicFlat")]
        public async Task OtherFormatsAreSentAsTheirRawDisk(string format, string options)
        {
            string image = QemuImg.Convert(_temp.Path, _source, format, options, "disk.img");
            byte[] expected = QemuImg.ReferenceRaw(image, format == "vpc" ? "vpc" : null);

            using PreparedDisk disk = PreparedDisk.From(new VolumeImportRequest(image, "b", "one"));

            Assert.Equal("RAW", disk.Format);
            Assert.Equal(expected.Length, disk.FileSize);
            Assert.Equal(expected.Length, disk.ImageBytes);
            var sent = new byte[expected.Length];
            const int part = 5 << 20;
            for (int start = 0; start < sent.Length; start += part)
            {
                byte[] buffer = new byte[Math.Min(part, sent.Length - start)];
                await disk.ReadAsync(start, buffer, buffer.Length, CancellationToken.None);
                buffer.CopyTo(sent, start);
            }

            Assert.Equal(QemuImg.Sha256(expected), QemuImg.Sha256(sent));
        }

        [Fact]
        public async Task StreamOptimizedVmdkIsSentAsItIs()
        {
            string image = QemuImg.Convert(_temp.Path, _source, "vmdk", "-o subformat=streamOptimized", "disk.vmdk");

            using PreparedDisk disk = PreparedDisk.From(new VolumeImportRequest(image, "b", "one"));

            Assert.Equal("VMDK", disk.Format);
            Assert.Equal(new FileInfo(image).Length, disk.FileSize);
            Assert.Equal(QemuImg.SourceSize, disk.ImageBytes);
            var head = new byte[4096];
            await disk.ReadAsync(0, head, head.Length, CancellationToken.None);
            Assert.Equal(File.ReadAllBytes(image)[..4096], head);
        }

        [Fact]
        public void VmdkFormatIsRefusedForADiskThatIsNotASparseVmdk()
        {
            string image = QemuImg.Convert(_temp.Path, _source, "qcow2", "", "disk.qcow2");

            var e = Assert.Throws<EucaException>(() => PreparedDisk.From(new VolumeImportRequest(image, "b", "one") { Format = ImportDiskFormat.Vmdk }));

            Assert.Equal(ErrorIds.ImportVmdkInvalid.Name, e.ErrorId);
        }

        [Fact]
        public void RawFormatSendsAVmdkAsItsRawDisk()
        {
            string image = QemuImg.Convert(_temp.Path, _source, "vmdk", "", "disk.vmdk");

            using PreparedDisk disk = PreparedDisk.From(new VolumeImportRequest(image, "b", "one") { Format = ImportDiskFormat.Raw });

            Assert.Equal("RAW", disk.Format);
            Assert.Equal(QemuImg.SourceSize, disk.FileSize);
        }
    }
}
