using System;
using System.IO;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;
using Xunit;

namespace Euca.Images.Engine.Tests.Bundling.Payload
{
    /// <summary>Bundling straight from VHDX, QCOW2 and VMDK: the payload is the one the equivalent raw file gives.</summary>
    public sealed class DiskFormatPayloadTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose() => _temp.Dispose();

        [Theory]
        [InlineData("vhdx", "")]
        [InlineData("qcow2", "-c")]
        [InlineData("vmdk", "-o subformat=streamOptimized")]
        public async Task BundlesTheRawDiskTheImageDescribes(string format, string options)
        {
            string source = QemuImg.MakeSource(_temp.Path);
            string image = QemuImg.Convert(_temp.Path, source, format, options, "disk." + format);
            string rawParts = Directory.CreateDirectory(_temp.File("raw")).FullName;
            string imageParts = Directory.CreateDirectory(_temp.File("image")).FullName;

            PayloadResult fromRaw = await PayloadHarness.WriteAsync(source, rawParts, "disk");
            PayloadResult fromImage = await PayloadHarness.WriteAsync(image, imageParts, "disk");

            Assert.Equal(fromRaw.ImageSize, fromImage.ImageSize);
            Assert.Equal(fromRaw.ImageDigestSha1, fromImage.ImageDigestSha1);
            Assert.Equal(File.ReadAllBytes(source), await PayloadHarness.ReadAsync(imageParts, fromImage));
        }

        [Fact]
        public async Task DamagedImageIsRefusedBeforeAnyPartIsWritten()
        {
            string source = QemuImg.MakeSource(_temp.Path);
            string image = QemuImg.Convert(_temp.Path, source, "qcow2", "", "disk.qcow2");
            using (var file = new FileStream(image, FileMode.Open))
            {
                file.SetLength(0x50000);
            }

            string parts = Directory.CreateDirectory(_temp.File("parts")).FullName;

            var e = await Assert.ThrowsAsync<EucaException>(() => PayloadHarness.WriteAsync(image, parts, "disk"));

            Assert.Equal(ErrorIds.DiskImageBeyondFile.Name, e.ErrorId);
            Assert.Empty(Directory.GetFiles(parts));
        }
    }
}
