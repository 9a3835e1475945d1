using System.IO;
using System.IO.Compression;
using System.Text;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    /// <summary>Issue 11, classes 3 and 5: credentials zips are read in memory, within limits, and leave nothing behind on failure.</summary>
    public sealed class HostileCredentialsZipTests
    {
        private const string Eucarc = "export EC2_URL=http://10.1.1.1:8773/services/compute\nexport AWS_ACCESS_KEY='AK'\nexport AWS_SECRET_KEY='SK'\n" +
            "export EC2_PRIVATE_KEY=${EUCA_KEY_DIR}/pk.pem\n";

        private static string Zip(TestMachine machine, params (string Name, byte[] Content)[] entries)
        {
            string path = Path.Combine(machine.Work, "creds.zip");
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            foreach (var (name, content) in entries)
            {
                using Stream entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
            return path;
        }

        private static (string, byte[]) Text(string name, string content) => (name, Encoding.ASCII.GetBytes(content));

        private static EucaException ResolveFails(TestMachine machine, string zipPath)
        {
            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { EucarcPath = zipPath }));
            Assert.Empty(Directory.GetFileSystemEntries(machine.Temp));
            return error;
        }

        [Fact]
        public void ASmallZipThatInflatesToMegabytesIsRefusedWithoutWritingThem()
        {
            using var machine = new TestMachine();
            string path = Zip(machine, Text("eucarc", Eucarc), ("pk.pem", new byte[64 * 1024 * 1024]));
            Assert.True(new FileInfo(path).Length < 128 * 1024);

            EucaException error = ResolveFails(machine, path);

            Assert.Equal("CredentialsArchiveInvalid", error.ErrorId);
            Assert.Contains("pk.pem", error.Message);
        }

        [Fact]
        public void AZipHoldingTheSameNameTwiceIsRefused()
        {
            using var machine = new TestMachine();
            string path = Zip(machine, Text("eucarc", Eucarc), Text("pk.pem", "ONE"), Text("pk.pem", "TWO"));
            EucaException error = ResolveFails(machine, path);
            Assert.Equal("CredentialsArchiveInvalid", error.ErrorId);
            Assert.Contains("twice", error.Message);
        }

        [Fact]
        public void ACorruptZipIsRefusedWithItsId()
        {
            using var machine = new TestMachine();
            string path = Zip(machine, Text("eucarc", Eucarc), Text("pk.pem", new string('k', 5000)));
            byte[] bytes = File.ReadAllBytes(path);
            for (int i = bytes.Length - 40; i < bytes.Length - 10; i++) bytes[i] ^= 0x5a; // the central directory
            File.WriteAllBytes(path, bytes);

            EucaException error = ResolveFails(machine, path);

            Assert.Equal("CredentialsArchiveInvalid", error.ErrorId);
            Assert.Equal(path, error.Target);
        }

        [Fact]
        public void AFailureAfterExtractionRemovesTheExtractedKeys()
        {
            using var machine = new TestMachine();
            string path = Zip(machine, Text("eucarc", Eucarc + "export EC2_USER_ID='not-an-account'\n"), Text("pk.pem", "KEY"));
            EucaException error = ResolveFails(machine, path);
            Assert.Equal("AccountIdInvalid", error.ErrorId);
        }

        [Fact]
        public void AFifoNamedAsTheEucarcIsRefusedInsteadOfBlocking()
        {
            using var machine = new TestMachine();
            string path = Path.Combine(machine.Work, "eucarc");
            Shell.Run($"mkfifo '{path}'");
            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { EucarcPath = path }));
            Assert.Equal("CloudConfigurationInvalid", error.ErrorId);
        }
    }
}
