using System;
using System.IO;
using System.Text;
using Euca.Images.Engine.Bundling.Tar;
using Euca.Images.Engine.Tests.Support;


namespace Euca.Images.Engine.Tests.Bundling.Tar
{
    public class GnuTarHeaderWriterTests
    {
        [Fact]
        public void FiveMiBImageGivesEuca2oolsStreamLength()
        {
            // euca2ools (Python 2 tarfile) writes a 5,253,120-byte tar stream for a 5 MiB image.
            var source = new SingleMemberTarSource(new MemoryStream(new byte[5 << 20]), "disk.img", "disk.img", 5 << 20);
            Assert.Equal(5_253_120, source.Length);
        }

        [Fact]
        public void HeaderMatchesPython2GnuFields()
        {
            byte[] header = GnuTarHeaderWriter.BuildHeaders("disk.img", 300000);
            Assert.Equal(512, header.Length);
            Assert.Equal("0000644\0", Encoding.ASCII.GetString(header, 100, 8));
            Assert.Equal("0000000\0", Encoding.ASCII.GetString(header, 108, 8));
            Assert.Equal("00001111740\0", Encoding.ASCII.GetString(header, 124, 12));
            Assert.Equal("00000000000\0", Encoding.ASCII.GetString(header, 136, 12));
            Assert.Equal((byte)'0', header[156]);
            Assert.Equal("ustar  \0", Encoding.ASCII.GetString(header, 257, 8));
            Assert.True(TarChecksum.Matches(header, TarNumeric.Parse(header, 148, 8, "chksum")));
        }

        [Theory]
        [InlineData("disk.img", 300000L)]
        [InlineData("a-name-longer-than-one-hundred-bytes-needs-a-gnu-longlink-entry-before-the-member-header-0123456789.img", 5L)]
        [InlineData("big.img", 9L << 30)]
        public void HeadersAreByteForBytePythonTarfileGnuFormat(string name, long size)
        {
            using var dir = new TempDirectory();
            // Python 3 leaves devmajor/devminor empty for regular files; Python 2.7 (euca2ools) writes "0000000\0"
            // there, so the Python 3 headers are patched back to that before comparing.
            File.WriteAllText(dir.File("h.py"),
                "import sys,tarfile\n" +
                "t=tarfile.TarInfo(sys.argv[1]); t.size=int(sys.argv[2]); t.mtime=0; t.mode=0o644\n" +
                "b=bytearray(t.tobuf(tarfile.GNU_FORMAT,'utf-8','strict'))\n" +
                "for h in sorted({0, len(b)-512}):\n" +
                "    b[h+329:h+345]=b'0000000\\x000000000\\x00'; b[h+148:h+156]=b' '*8\n" +
                "    b[h+148:h+156]=b'%06o\\x00 ' % sum(b[h:h+512])\n" +
                "sys.stdout.buffer.write(b)\n");
            Shell.Run($"python3 h.py {name} {size} > h", dir.Path);
            Assert.Equal(File.ReadAllBytes(dir.File("h")), GnuTarHeaderWriter.BuildHeaders(name, size));
        }

        [Fact]
        public void HeaderIsByteForByteWhatEuca2oolsWrote()
        {
            using var dir = new TempDirectory();
            string bundle = Path.Combine(Euca2oolsTestData.Root, "basic");
            Shell.Run($"cat {bundle}/disk.img.part.0* | openssl enc -d -aes-128-cbc -K {Support.PayloadHarness.KeyHex} -iv {Support.PayloadHarness.IvHex} | gzip -dc > stream.tar", dir.Path);
            byte[] euca2oolsHeader = File.ReadAllBytes(dir.File("stream.tar")).AsSpan(0, 512).ToArray();
            Assert.Equal(euca2oolsHeader, GnuTarHeaderWriter.BuildHeaders("disk.img", 300000));
        }

        [Fact]
        public void SizesFrom8GiBUseBase256ThatPythonReads()
        {
            long size = 9L << 30;
            using var dir = new TempDirectory();
            File.WriteAllBytes(dir.File("h"), GnuTarHeaderWriter.BuildHeaders("big.img", size));
            string parsed = Shell.Run("python3 -c \"import tarfile; t=tarfile.TarInfo.frombuf(open('h','rb').read(), 'utf-8', 'strict'); print(t.name, t.size, t.mode, t.mtime)\"", dir.Path).Trim();
            Assert.Equal($"big.img {size} 420 0", parsed);
            Assert.Equal(size, TarNumeric.Parse(File.ReadAllBytes(dir.File("h")), 124, 12, "size"));
        }
    }
}
