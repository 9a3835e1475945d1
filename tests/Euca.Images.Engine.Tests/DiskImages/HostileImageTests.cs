using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.DiskImages.Conversion;
using Euca.Images.Engine.DiskImages.Vhd;
using Euca.Images.Engine.DiskImages.Vhdx;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;
using Xunit;

namespace Euca.Images.Engine.Tests.DiskImages
{
    /// <summary>
    /// Damaged, truncated and crafted images made from qemu-img's output: each is refused with its stable error id
    /// before any output exists, and a conversion leaves no file behind.
    /// </summary>
    public sealed class HostileImageTests : IDisposable
    {
        private static readonly Guid VhdxBatRegion = new Guid("2DC27766-F623-4200-9D64-115E9BFD4A08");
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly string _source;

        public HostileImageTests()
        {
            _source = QemuImg.MakeSource(_temp.Path);
        }

        public void Dispose() => _temp.Dispose();

        [Theory]
        [InlineData("vhd footer checksum")]
        [InlineData("vhd footers differ")]
        [InlineData("vhdx both headers")]
        [InlineData("qcow2 version 4")]
        [InlineData("qcow2 cluster bits 22")]
        [InlineData("vmdk newline test")]
        public async Task CorruptHeadersAreRefusedWithNothingWritten(string damage)
        {
            string image = damage.Split(' ')[0] switch
            {
                "vhd" => Image("vpc", ""),
                "vhdx" => Image("vhdx", ""),
                "qcow2" => Image("qcow2", ""),
                _ => Image("vmdk", ""),
            };
            switch (damage)
            {
                case "vhd footer checksum": Patch(image, 40, 0x7F); break;
                case "vhd footers differ": PatchVhdFooter(image, 0, footer => footer[24] ^= 1); break;
                case "vhdx both headers": Patch(image, (64 << 10) + 200, 1); Patch(image, (128 << 10) + 200, 1); break;
                case "qcow2 version 4": WriteBigEndian32(image, 4, 4); break;
                case "qcow2 cluster bits 22": WriteBigEndian32(image, 20, 22); break;
                default: Patch(image, 73, 0x0D); break;
            }

            await AssertRefusedAsync(image, ErrorIds.DiskImageHeaderInvalid);
        }

        [Theory]
        [InlineData("vhd two blocks in one place")]
        [InlineData("vhdx two blocks in one place")]
        [InlineData("qcow2 two clusters in one place")]
        [InlineData("qcow2 L2 table is the L1 table")]
        [InlineData("vmdk two grains in one place")]
        public async Task LoopsAndOverlapsInAllocationTablesAreRefused(string damage)
        {
            string image;
            switch (damage.Split(' ')[0])
            {
                case "vhd":
                    image = Image("vpc", "");
                    long bat = ReadBigEndian64(image, 512 + 16);
                    WriteBigEndian32(image, bat + 2 * 4, ReadBigEndian32(image, bat));
                    break;
                case "vhdx":
                    image = Image("vhdx", "-o block_size=1M");
                    long table = VhdxBatOffset(image);
                    Write(image, table + 8, Read(image, table, 8));
                    break;
                case "qcow2":
                    image = Image("qcow2", "");
                    long l1 = ReadBigEndian64(image, 40);
                    long l2 = ReadBigEndian64(image, l1) & 0x00FFFFFFFFFFFE00;
                    if (damage.Contains("L1 table"))
                    {
                        WriteBigEndian64(image, l1, (ulong)l1 | 1UL << 63);
                    }
                    else
                    {
                        Write(image, l2 + 16 * 8, Read(image, l2, 8)); // cluster 16 (1 MiB) onto cluster 0
                    }

                    break;
                default:
                    image = Image("vmdk", "");
                    long directory = BinaryPrimitives.ReadInt64LittleEndian(Read(image, 56, 8)) * 512;
                    long grainTable = BinaryPrimitives.ReadUInt32LittleEndian(Read(image, directory, 4)) * 512L;
                    Write(image, grainTable + 16 * 4, Read(image, grainTable, 4));
                    break;
            }

            await AssertRefusedAsync(image, ErrorIds.DiskImageTableInvalid);
        }

        [Theory]
        [InlineData("vhd block past the end")]
        [InlineData("vhd fixed size past the end")]
        [InlineData("vhdx truncated")]
        [InlineData("qcow2 truncated")]
        [InlineData("vmdk sparse truncated")]
        [InlineData("vmdk stream truncated")]
        [InlineData("vmdk flat extent truncated")]
        public async Task SizesBeyondTheFileAreRefused(string damage)
        {
            string image;
            switch (damage)
            {
                case "vhd block past the end":
                    image = Image("vpc", "");
                    WriteBigEndian32(image, ReadBigEndian64(image, 512 + 16), 0x00FFFFFF);
                    break;
                case "vhd fixed size past the end":
                    image = Image("vpc", "-o subformat=fixed");
                    PatchVhdFooter(image, new FileInfo(image).Length - 512, footer => BinaryPrimitives.WriteInt64BigEndian(footer.AsSpan(48), 64L << 20));
                    break;
                case "vhdx truncated":
                    image = Image("vhdx", "");
                    Truncate(image, 6 << 20);
                    break;
                case "qcow2 truncated":
                    image = Image("qcow2", "");
                    Truncate(image, 0x50000 + 0x10000);
                    break;
                case "vmdk sparse truncated":
                    image = Image("vmdk", "");
                    Truncate(image, 128 << 10);
                    break;
                case "vmdk stream truncated":
                    image = Image("vmdk", "-o subformat=streamOptimized");
                    Truncate(image, 100 << 10);
                    break;
                default:
                    image = Image("vmdk", "-o subformat=monolithicFlat");
                    Truncate(_temp.File("disk-flat.img"), 1 << 20);
                    break;
            }

            await AssertRefusedAsync(image, ErrorIds.DiskImageBeyondFile);
        }

        [Fact]
        public async Task ImagesThatNeedAParentAreRefused()
        {
            string baseImage = Image("qcow2", "", "base.qcow2");
            QemuImg.Run("qemu-img create -q -f qcow2 -b base.qcow2 -F qcow2 overlay.qcow2", _temp.Path);
            await AssertRefusedAsync(_temp.File("overlay.qcow2"), ErrorIds.DiskImageHasParent);

            // qemu cannot make a differencing VHD; a dynamic one relabelled as type 4 is one as far as its header goes.
            string vhd = Image("vpc", "", "child.vhd");
            foreach (long at in new[] { 0L, new FileInfo(vhd).Length - 512 })
            {
                PatchVhdFooter(vhd, at, footer => BinaryPrimitives.WriteInt32BigEndian(footer.AsSpan(60), VhdFooter.TypeDifferencing));
            }

            await AssertRefusedAsync(vhd, ErrorIds.DiskImageHasParent);
            Assert.True(File.Exists(baseImage));
        }

        [Fact]
        public async Task EncryptedQcow2IsRefused()
        {
            QemuImg.Run("qemu-img create -q --object secret,id=s0,data=pw -f qcow2 -o encrypt.format=luks,encrypt.key-secret=s0 enc.qcow2 1M", _temp.Path);

            await AssertRefusedAsync(_temp.File("enc.qcow2"), ErrorIds.DiskImageEncrypted);
        }

        [Fact]
        public async Task VhdxWithALogToReplayIsRefused()
        {
            string image = Image("vhdx", "");
            foreach (int header in new[] { 64 << 10, 128 << 10 })
            {
                byte[] bytes = Read(image, header, 4096);
                Guid.NewGuid().ToByteArray().CopyTo(bytes, 48);
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), Crc32C.Compute(bytes, 4));
                Write(image, header, bytes);
            }

            await AssertRefusedAsync(image, ErrorIds.DiskImageDirtyLog);
        }

        [Theory]
        [InlineData("qemu-img create -q -f vmdk -o subformat=twoGbMaxExtentSparse other.img 1M")]
        [InlineData("qemu-img create -q -f qcow2 -o compression_type=zstd other.img 1M")]
        [InlineData("qemu-img create -q -f qcow2 -o extended_l2=on other.img 1M")]
        [InlineData("qemu-img create -q -f qcow other.img 1M")]
        public async Task KindsThatAreNotImplementedAreRefused(string create)
        {
            QemuImg.Run(create, _temp.Path);

            await AssertRefusedAsync(_temp.File("other.img"), ErrorIds.DiskImageSubformatUnsupported);
        }

        [Fact]
        public async Task DamagedCompressedClusterIsRefusedWhileReading()
        {
            // qemu stores incompressible clusters as they are; the clusters that are mostly zeros are compressed.
            string image = Image("qcow2", "-c");
            long l2 = ReadBigEndian64(image, ReadBigEndian64(image, 40)) & 0x00FFFFFFFFFFFE00;
            ulong compressed = Enumerable.Range(0, 8192).Select(i => (ulong)ReadBigEndian64(image, l2 + i * 8L)).First(e => (e & 1UL << 62) != 0);
            Write(image, (long)(compressed & ((1UL << 54) - 1)), Enumerable.Repeat((byte)0xA5, 64).ToArray());

            await AssertRefusedAsync(image, ErrorIds.DiskImageDataInvalid);
        }

        private string Image(string format, string options, string name = "disk.img") => QemuImg.Convert(_temp.Path, _source, format, options, name);

        /// <summary>Converting must fail with <paramref name="id"/> and leave the folder as it was.</summary>
        private async Task AssertRefusedAsync(string image, ErrorId id)
        {
            string[] before = Directory.GetFiles(_temp.Path);
            string destination = _temp.File("out.raw");

            var e = await Assert.ThrowsAsync<EucaException>(() => RawImageConverter.ConvertAsync(image, destination, force: false, null, CancellationToken.None));

            Assert.Equal(id.Name, e.ErrorId);
            Assert.Contains(image, e.Message);
            Assert.Equal(before.OrderBy(f => f), Directory.GetFiles(_temp.Path).OrderBy(f => f));
        }

        private static long VhdxBatOffset(string image)
        {
            byte[] table = Read(image, 192 << 10, 65536);
            for (int at = 16; ; at += 32)
            {
                if (new Guid(table.AsSpan(at, 16)) == VhdxBatRegion)
                {
                    return BinaryPrimitives.ReadInt64LittleEndian(table.AsSpan(at + 16));
                }
            }
        }

        private static void PatchVhdFooter(string image, long at, Action<byte[]> change)
        {
            byte[] footer = Read(image, at, 512);
            change(footer);
            BinaryPrimitives.WriteUInt32BigEndian(footer.AsSpan(64), VhdFooter.Checksum(footer, 64));
            Write(image, at, footer);
        }

        private static void Patch(string image, long at, byte xor)
        {
            byte[] b = Read(image, at, 1);
            b[0] ^= xor;
            Write(image, at, b);
        }

        private static void Truncate(string path, long length)
        {
            using var file = new FileStream(path, FileMode.Open);
            file.SetLength(length);
        }

        private static long ReadBigEndian64(string image, long at) => BinaryPrimitives.ReadInt64BigEndian(Read(image, at, 8));

        private static uint ReadBigEndian32(string image, long at) => BinaryPrimitives.ReadUInt32BigEndian(Read(image, at, 4));

        private static void WriteBigEndian32(string image, long at, uint value)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
            Write(image, at, b);
        }

        private static void WriteBigEndian64(string image, long at, ulong value)
        {
            var b = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(b, value);
            Write(image, at, b);
        }

        private static byte[] Read(string path, long at, int count)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
            var bytes = new byte[count];
            file.Position = at;
            file.ReadExactly(bytes);
            return bytes;
        }

        private static void Write(string path, long at, byte[] bytes)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.Position = at;
            file.Write(bytes);
        }
    }
}
