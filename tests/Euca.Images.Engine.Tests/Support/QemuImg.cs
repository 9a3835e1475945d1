using System;
using System.IO;
using System.Security.Cryptography;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Makes disk images with qemu-img (Debian's qemu-utils: build.ps1 Test installs it when it runs as root) and reads
    /// qemu's own raw conversion of them, the reference our readers are compared with byte for byte.
    /// </summary>
    public static class QemuImg
    {
        /// <summary>The source disk: 16 MiB and 3 sectors, data at the start, at 1 MiB, across a block edge and in the last sector; holes elsewhere.</summary>
        public const long SourceSize = (16 << 20) + 1536;

        public static string Run(string arguments, string workingDirectory)
        {
            if (!Installed)
            {
                throw new InvalidOperationException(
                    "This test needs qemu-img, which is not installed: install Debian's qemu-utils (apt-get install qemu-utils). " +
                    "'build.ps1 Test' installs it itself when it runs as root.");
            }

            return Shell.Run(arguments, workingDirectory);
        }

        private static bool Installed =>
            Array.Exists((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator), dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "qemu-img")));

        /// <summary>Writes the sparse source disk <paramref name="name"/> in <paramref name="directory"/>.</summary>
        public static string MakeSource(string directory, string name = "source.raw")
        {
            string path = Path.Combine(directory, name);
            var random = new Random(14);
            using var file = new FileStream(path, FileMode.Create);
            file.SetLength(SourceSize);
            foreach ((long offset, int length) in new[] { (0L, 65536), (1L << 20, 65536), ((5L << 20) + 4096, 8192), ((8L << 20) - 3000, 200000), (SourceSize - 512, 512) })
            {
                var data = new byte[length];
                random.NextBytes(data);
                file.Position = offset;
                file.Write(data);
            }

            return path;
        }

        /// <summary>Converts the source with <c>qemu-img convert -O format options</c> into <paramref name="name"/>.</summary>
        public static string Convert(string directory, string source, string format, string options, string name)
        {
            Run($"qemu-img convert -f raw -O {format} {options} '{source}' '{name}'", directory);
            return Path.Combine(directory, name);
        }

        /// <summary>qemu's raw conversion of <paramref name="image"/> (a fixed VHD needs <c>-f vpc</c>: qemu probes VHDs only at offset 0).</summary>
        public static byte[] ReferenceRaw(string image, string? format = null)
        {
            string output = image + ".qemu.raw";
            Run($"qemu-img convert {(format == null ? "" : "-f " + format)} -O raw '{image}' '{output}'", Path.GetDirectoryName(image)!);
            byte[] bytes = File.ReadAllBytes(output);
            File.Delete(output);
            return bytes;
        }

        public static string Sha256(byte[] bytes) => System.Convert.ToHexString(SHA256.HashData(bytes));
    }
}
