using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Euca.Images.Engine.Bundling.Tar;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Tar
{
    /// <summary>Issue 11, class 7: seeded mutation fuzzing of the tar reader (plain, PAX, GNU long names, old GNU and PAX sparse).</summary>
    public sealed class TarFuzzTests
    {
        private const int ImageSize = 4096;

        private static readonly string[] Tokens = { "GNU.sparse.major=1\n", "GNU.sparse.map=0,1,99999999999,5\n", "size=99999999999999999999\n", "\0\0\0\0", "777777777777", "\u0080\0\0\0" };

        private static byte[] Data => Enumerable.Range(0, ImageSize).Select(i => (byte)(i % 251)).ToArray();

        private static byte[] Archive(params byte[][] pieces) => pieces.SelectMany(p => p).Concat(new byte[1024]).ToArray();

        private static byte[] Pax(string records) =>
            HostilePayloads.Header("././@PaxHeader", Encoding.ASCII.GetByteCount(records), 'x').Concat(HostilePayloads.Padded(Encoding.ASCII.GetBytes(records))).ToArray();

        private static string Record(string key, string value)
        {
            string body = $" {key}={value}\n";
            int length = body.Length + 1;
            while ((length.ToString().Length + body.Length) != length) length++;
            return length + body;
        }

        private static IReadOnlyList<byte[]> Seeds()
        {
            byte[] plain = Archive(HostilePayloads.Header("disk.img", ImageSize), Data);
            byte[] pax = Archive(Pax(Record("path", "disk.img") + Record("size", ImageSize.ToString())), HostilePayloads.Header("disk.img", 0), Data);
            byte[] longName = Archive(HostilePayloads.Header("././@LongLink", 200, 'L'), HostilePayloads.Padded(new byte[200]), HostilePayloads.Header("disk.img", ImageSize), Data);
            byte[] oldSparse = Archive(HostilePayloads.Header("disk.img", 1024, 'S', h =>
            {
                TarNumeric.WriteOctal(h, 386, 12, 0);
                TarNumeric.WriteOctal(h, 398, 12, 512);
                TarNumeric.WriteOctal(h, 410, 12, 2048);
                TarNumeric.WriteOctal(h, 422, 12, 512);
                TarNumeric.WriteOctal(h, 483, 12, ImageSize);
            }), Data.Take(1024).ToArray());
            byte[] map = HostilePayloads.Padded(Encoding.ASCII.GetBytes("2\n0\n512\n2048\n512\n"));
            byte[] paxSparse1 = Archive(Pax(Record("GNU.sparse.major", "1") + Record("GNU.sparse.minor", "0") + Record("GNU.sparse.realsize", ImageSize.ToString())),
                HostilePayloads.Header("disk.img", map.Length + 1024), map, Data.Take(1024).ToArray());
            byte[] paxSparse01 = Archive(Pax(Record("GNU.sparse.map", "0,512,2048,512") + Record("GNU.sparse.realsize", ImageSize.ToString())),
                HostilePayloads.Header("disk.img", 1024), Data.Take(1024).ToArray());
            return new[] { plain, pax, longName, oldSparse, paxSparse1, paxSparse01 };
        }

        [Fact]
        public void TheSeedArchivesAreReadWhole()
        {
            foreach (byte[] seed in Seeds())
            {
                Assert.Equal(ImageSize, new TarImageExtractor(new MemoryStream(seed), 65536, ImageSize).Extract(new DiscardingImageSink()));
            }
        }

        [Fact]
        public void TenThousandMutatedArchivesAreEachReadOrRefusedWithAStableId()
        {
            MutationFuzzer.Run("tar reader", seed: 20111, Seeds(), Tokens, count: 10_000,
                input => new TarImageExtractor(new MemoryStream(input), 65536, maxImageSize: 1 << 20).Extract(new DiscardingImageSink()),
                new[] { "BundleArchiveInvalid" }, maxBytesPerInput: 16L * 1024 * 1024, timeLimit: TimeSpan.FromSeconds(90));
        }
    }
}
