using System;
using System.IO;
using System.Linq;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.Tests.Support;
using Xunit;

namespace Euca.Images.Engine.Tests.DiskImages
{
    /// <summary>
    /// Every format and subformat the readers support, made by qemu-img from one sparse source disk: our raw stream
    /// must equal qemu-img convert -O raw byte for byte, and the format must be recognised by content alone.
    /// </summary>
    public sealed class QemuInteropTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly string _source;

        public QemuInteropTests()
        {
            _source = QemuImg.MakeSource(_temp.Path);
        }

        public void Dispose() => _temp.Dispose();

        [Theory]
        [InlineData("vpc", "", "vpc", DiskFormat.Vhd, "dynamic")]
        [InlineData("vpc", "-o subformat=fixed", "vpc", DiskFormat.Vhd, "fixed")]
        [InlineData("vpc", "-o force_size=on", "vpc", DiskFormat.Vhd, "dynamic")]
        [InlineData("vhdx", "", null, DiskFormat.Vhdx, "dynamic")]
        [InlineData("vhdx", "-o subformat=fixed", null, DiskFormat.Vhdx, "fixed")]
        [InlineData("vhdx", "-o block_size=1M", null, DiskFormat.Vhdx, "dynamic")]
        [InlineData("vmdk", "", null, DiskFormat.Vmdk, "monolithicSparse")]
        [InlineData("vmdk", "-o subformat=streamOptimized", null, DiskFormat.Vmdk, "streamOptimized")]
        [InlineData("vmdk", "-o subformat=monolithicFlat", null, DiskFormat.Vmdk, "monolithicFlat")]
        [InlineData("qcow2", "-o compat=0.10", null, DiskFormat.Qcow2, "v2")]
        [InlineData("qcow2", "", null, DiskFormat.Qcow2, "v3")]
        [InlineData("qcow2", "-c", null, DiskFormat.Qcow2, "v3")]
        [InlineData("qcow2", "-c -o cluster_size=4096", null, DiskFormat.Qcow2, "v3")]
        [InlineData("qcow2", "-c -o compat=0.10", null, DiskFormat.Qcow2, "v2")]
        public void RawStreamEqualsQemuImgConvert(string qemuFormat, string options, string? referenceFormat, DiskFormat format, string subformat)
        {
            // A name that says nothing of the format: detection is by content only.
            string image = QemuImg.Convert(_temp.Path, _source, qemuFormat, options, "disk.img");

            using DiskImage disk = DiskImage.Open(image);

            Assert.Equal(format, disk.Format);
            Assert.Equal(subformat, disk.Subformat);
            byte[] expected = QemuImg.ReferenceRaw(image, referenceFormat);
            Assert.Equal(expected.Length, disk.VirtualSize);
            Assert.Equal(QemuImg.Sha256(expected), QemuImg.Sha256(ReadAll(disk)));
        }

        [Fact]
        public void ZeroedClustersAndGrainsReadAsZerosAsQemuReadsThem()
        {
            string qcow2 = QemuImg.Convert(_temp.Path, _source, "qcow2", "", "zero.qcow2");
            string vmdk = QemuImg.Convert(_temp.Path, _source, "vmdk", "-o zeroed_grain=on", "zero.vmdk");
            foreach (string image in new[] { qcow2, vmdk })
            {
                QemuImg.Run($"qemu-io -f {(image == qcow2 ? "qcow2" : "vmdk")} -c 'write -z 0 64k' '{image}'", _temp.Path);

                using DiskImage disk = DiskImage.Open(image);

                byte[] raw = ReadAll(disk);
                Assert.True(raw.Take(65536).All(b => b == 0));
                Assert.Equal(QemuImg.Sha256(QemuImg.ReferenceRaw(image)), QemuImg.Sha256(raw));
            }
        }

        [Fact]
        public void StreamOptimizedVmdkWithTheGrainDirectoryAtTheEndReadsThroughItsFooter()
        {
            byte[] source = File.ReadAllBytes(_source);
            string image = _temp.File("vmware.vmdk");
            VmwareStreamVmdk.Write(image, source);

            using DiskImage disk = DiskImage.Open(image);

            Assert.Equal("streamOptimized", disk.Subformat);
            Assert.Equal(QemuImg.Sha256(source), QemuImg.Sha256(ReadAll(disk)));
            Assert.Equal(QemuImg.Sha256(source), QemuImg.Sha256(QemuImg.ReferenceRaw(image)));
        }

        [Theory]
        [InlineData("vhdx", "-o block_size=1M")]
        [InlineData("qcow2", "")]
        [InlineData("vmdk", "")]
        [InlineData("vpc", "")]
        public void AllocationMapCoversTheDataAndLeavesTheHolesOut(string qemuFormat, string options)
        {
            string image = QemuImg.Convert(_temp.Path, _source, qemuFormat, options, "map.img");

            using DiskImage disk = DiskImage.Open(image);
            DiskExtent[] extents = disk.Extents().ToArray();

            Assert.Equal(0, extents[0].Offset);
            Assert.Equal(disk.VirtualSize, extents[^1].End);
            Assert.All(extents.Zip(extents.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Offset));
            Assert.Contains(extents, e => !e.IsAllocated);
            // Every byte of data lies in an allocated extent; the holes of the map hold only zeros.
            byte[] raw = ReadAll(disk);
            foreach (DiskExtent hole in extents.Where(e => !e.IsAllocated))
            {
                Assert.True(raw.AsSpan((int)hole.Offset, (int)hole.Length).IndexOfAnyExcept((byte)0) < 0);
            }

            Assert.True(disk.Describe().AllocatedSize < disk.VirtualSize);
        }

        private static byte[] ReadAll(DiskImage disk)
        {
            using Stream stream = disk.OpenRawStream();
            var copy = new MemoryStream();
            stream.CopyTo(copy, 1 << 20);
            return copy.ToArray();
        }
    }
}
