using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.DiskImages.Conversion;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Tests.Support;
using Xunit;

namespace Euca.Images.Engine.Tests.DiskImages.Conversion
{
    /// <summary>ConvertTo-EucaRawImage's engine: sparse output equal to qemu's, an existing file kept, nothing left when stopped.</summary>
    public sealed class RawImageConverterTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly string _image;

        public RawImageConverterTests()
        {
            // 256 MiB of virtual disk with one data block: a raw copy would take 256 MiB, the sparse one a few.
            QemuImg.Run("qemu-img create -q -f vhdx big.vhdx 256M && qemu-io -f vhdx -c 'write -P 7 100M 64k' big.vhdx", _temp.Path);
            _image = _temp.File("big.vhdx");
        }

        public void Dispose() => _temp.Dispose();

        [Fact]
        public async Task WritesASparseFileEqualToQemuImgConvert()
        {
            string destination = _temp.File("big.raw");

            RawImageConversion result = await RawImageConverter.ConvertAsync(_image, destination, force: false, null, CancellationToken.None);

            Assert.Equal(256L << 20, result.Size);
            Assert.Equal(DiskFormat.Vhdx, result.SourceFormat);
            Assert.Equal(64 << 10, result.DataBytesWritten);
            Assert.Equal(QemuImg.Sha256(QemuImg.ReferenceRaw(_image)), QemuImg.Sha256(File.ReadAllBytes(destination)));
            long allocatedKib = long.Parse(Shell.Run($"du -k '{destination}' | cut -f1").Trim());
            Assert.True(allocatedKib < 4096, $"the raw file takes {allocatedKib} KiB on disk");
        }

        [Fact]
        public async Task KeepsAnExistingDestinationUnlessForced()
        {
            string destination = _temp.File("taken.raw");
            File.WriteAllText(destination, "keep me");

            var e = await Assert.ThrowsAsync<EucaException>(() => RawImageConverter.ConvertAsync(_image, destination, force: false, null, CancellationToken.None));
            Assert.Equal(ErrorIds.RawImageDestinationExists.Name, e.ErrorId);
            Assert.Equal("keep me", File.ReadAllText(destination));

            await RawImageConverter.ConvertAsync(_image, destination, force: true, null, CancellationToken.None);
            Assert.Equal(256L << 20, new FileInfo(destination).Length);
        }

        [Fact]
        public async Task StoppedConversionLeavesNothingBehind()
        {
            using var stop = new CancellationTokenSource();
            var progress = new SynchronousProgress(_ => stop.Cancel());

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RawImageConverter.ConvertAsync(_image, _temp.File("stopped.raw"), force: false, progress, stop.Token));

            Assert.Equal(new[] { _image }, Directory.GetFiles(_temp.Path));
        }

        private sealed class SynchronousProgress : IProgress<OperationProgress>
        {
            private readonly Action<OperationProgress> _report;

            public SynchronousProgress(Action<OperationProgress> report) => _report = report;

            public void Report(OperationProgress value) => _report(value);
        }
    }
}
