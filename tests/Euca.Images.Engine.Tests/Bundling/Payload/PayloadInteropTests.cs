using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Payload
{
    /// <summary>Our parts against the tools euca2ools and ec2-ami-tools use, in both directions.</summary>
    public class PayloadInteropTests
    {
        private static readonly string Decrypt = $"openssl enc -d -aes-128-cbc -K {PayloadHarness.KeyHex} -iv {PayloadHarness.IvHex}";

        [Fact]
        public async Task OpensslGzipAndTarReadOurParts()
        {
            using var dir = new TempDirectory();
            byte[] image = ImageMaker.Mixed(3_300_000, 21);
            string path = ImageMaker.Write(dir.File("disk.img"), image);
            PayloadResult result = await PayloadHarness.WriteAsync(path, dir.File("out"), "disk.img", partSize: 300_000);
            string parts = string.Join(" ", result.Parts.Select(p => p.FileName));

            Shell.Run($"cat {parts} | {Decrypt} | gzip -dc | tar -xOf - > ../extracted", dir.File("out"));
            Assert.Equal(image, File.ReadAllBytes(dir.File("extracted")));
            string sha1 = Shell.Run($"cat {parts} | {Decrypt} | gzip -dc | sha1sum", dir.File("out")).Split(' ')[0];
            Assert.Equal(result.ImageDigestSha1, sha1);
            string header = Shell.Run($"cat {parts} | {Decrypt} > ../stream.gz; xxd -p -l 10 ../stream.gz", dir.File("out")).Trim();
            Assert.Equal("1f8b0800000000000003", header);
        }

        [Fact]
        public async Task PythonReadsOurGzipInOnePass()
        {
            using var dir = new TempDirectory();
            byte[] image = ImageMaker.Mixed(2_500_000, 22);
            string path = ImageMaker.Write(dir.File("disk.img"), image);
            PayloadResult result = await PayloadHarness.WriteAsync(path, dir.File("out"), "disk.img");
            Shell.Run($"cat {result.Parts[0].FileName} | {Decrypt} > ../stream.gz", dir.File("out"));

            string script = "import gzip,zlib,hashlib,sys; raw=open(sys.argv[1],'rb').read(); " +
                "d=zlib.decompressobj(31); out=d.decompress(raw)+d.flush(); assert d.eof and not d.unused_data, 'not one member'; " +
                "assert out==gzip.decompress(raw); print(hashlib.sha1(out).hexdigest())";
            string sha1 = Shell.Run($"python3 -c \"{script}\" stream.gz", dir.Path).Trim();
            Assert.Equal(result.ImageDigestSha1, sha1);
        }

        [Fact]
        public async Task ReadsAnEc2AmiToolsStylePayloadWithGnuSparseTar()
        {
            using var dir = new TempDirectory();
            // More than four data regions, so GNU tar needs sparse extension headers; ends in a hole.
            Shell.Run("truncate -s 40M sparse.img; for i in 1 5 9 13 17 21 25 29; do head -c 100000 /dev/urandom | dd of=sparse.img bs=1M seek=$i conv=notrunc status=none; done", dir.Path);
            await AssertAmiStylePayloadExpands(dir, "tar -c -S -f - sparse.img", expectedTypeFlag: 'S');
        }

        [Fact]
        public async Task ReadsAPaxSparsePayload()
        {
            using var dir = new TempDirectory();
            Shell.Run("truncate -s 30M sparse.img; for i in 2 6 10 14 18 22; do head -c 70000 /dev/urandom | dd of=sparse.img bs=1M seek=$i conv=notrunc status=none; done; printf end >> sparse.img", dir.Path);
            await AssertAmiStylePayloadExpands(dir, "tar --format=posix -c -S -f - sparse.img", expectedTypeFlag: 'x');
        }

        private static async Task AssertAmiStylePayloadExpands(TempDirectory dir, string tarCommand, char expectedTypeFlag)
        {
            Shell.Run($"{tarCommand} > stream.tar; gzip -9 -c stream.tar | openssl enc -e -aes-128-cbc -K {PayloadHarness.KeyHex} -iv {PayloadHarness.IvHex} | split -b 200k -d - sparse.img.part.", dir.Path);
            byte[] tarBytes = File.ReadAllBytes(dir.File("stream.tar"));
            Assert.Equal((byte)expectedTypeFlag, tarBytes[156]);
            string[] partFiles = Directory.GetFiles(dir.Path, "sparse.img.part.*").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.True(partFiles.Length > 1);
            var sources = partFiles.Select((f, i) => PayloadPartSource.FromFile(i, f, Convert.ToHexString(SHA1.HashData(File.ReadAllBytes(f))))).ToArray();
            var expected = new PayloadExpectation(Convert.ToHexString(SHA1.HashData(tarBytes)), new FileInfo(dir.File("sparse.img")).Length);

            string target = dir.File("expanded.img");
            using (var writer = ImageFileWriter.Create(target, force: false))
            {
                await PayloadReader.ReadAsync(sources, PayloadHarness.Key, PayloadHarness.Iv, expected, writer.Stream, null, CancellationToken.None);
                writer.Commit();
            }
            Assert.Equal(File.ReadAllBytes(dir.File("sparse.img")), File.ReadAllBytes(target));
            long allocatedKiB = long.Parse(Shell.Run($"du -k {target}").Split('\t')[0]);
            Assert.True(allocatedKiB < 4 * 1024, $"expanded image should be sparse, uses {allocatedKiB} KiB");
        }
    }
}
