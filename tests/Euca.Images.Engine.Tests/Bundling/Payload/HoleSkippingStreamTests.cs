using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Euca.Images.Engine.Bundling.Payload;

namespace Euca.Images.Engine.Tests.Bundling.Payload
{
    public sealed class HoleSkippingStreamTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("euca-holes-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void ReturnsExactlyTheFileBytesAndSkipsTheHoles()
        {
            // 64 MiB: data at the start, in the middle and at the very end, holes in between (a 1-byte tail included).
            string path = Path.Combine(_directory, "sparse.img");
            var random = new Random(5);
            using (var file = new FileStream(path, FileMode.CreateNew))
            {
                file.SetLength(64L << 20);
                foreach (long at in new[] { 0L, 20L << 20, (64L << 20) - (1 << 20) })
                {
                    var data = new byte[1 << 20];
                    random.NextBytes(data);
                    file.Position = at;
                    file.Write(data, 0, data.Length);
                }
            }

            byte[] expected = SHA1.HashData(File.ReadAllBytes(path));
            using var opened = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            Stream stream = HoleSkippingStream.Wrap(opened);
            byte[] actual = SHA1.HashData(ReadInOddSizes(stream));

            Assert.Equal(expected, actual);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                // Holes are found in file system allocation units, so allow for their rounding.
                var skipping = Assert.IsType<HoleSkippingStream>(stream);
                Assert.InRange(skipping.HoleBytesSkipped, 40L << 20, 61L << 20);
            }
        }

        [Fact]
        public void AFileWithoutHolesReadsNormally()
        {
            string path = Path.Combine(_directory, "dense.img");
            byte[] data = Enumerable.Range(0, 3_000_001).Select(i => (byte)(i * 7)).ToArray();
            File.WriteAllBytes(path, data);
            using var opened = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);

            Assert.Equal(data, ReadInOddSizes(HoleSkippingStream.Wrap(opened)));
        }

        private static byte[] ReadInOddSizes(Stream stream)
        {
            using var copy = new MemoryStream();
            var buffer = new byte[777_777];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                copy.Write(buffer, 0, read);
            }

            return copy.ToArray();
        }
    }
}
