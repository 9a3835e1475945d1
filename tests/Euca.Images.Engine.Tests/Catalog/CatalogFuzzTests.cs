using System;
using System.IO;
using System.Text;
using System.Threading;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Catalog
{
    /// <summary>Seeded mutation fuzzing of the catalog readers: every mutated catalog or pack is read (bad entries listed as errors) or refused with a stable id.</summary>
    public sealed class CatalogFuzzTests
    {
        private const string Eustore = "{ \"version\": \"eustore-catalog-2011-12-29\", \"images\": [ { \"name\": \"1330543208\", \"description\": \"CentOS 5\"," +
            " \"version\": \"2011.07.02\", \"architecture\": \"x86_64\", \"os\": \"centos\", \"single-kernel\": \"False\", \"hypervisors-supported\": [\"xen\", \"kvm\"]," +
            " \"url\": \"centos-5/euca-centos.tar.gz\", \"date\": \"20110702120000\", \"recipe\": \"centos-based\" } ] }";

        private const string CatalogWeb = "{ \"images\": [ { \"os\": \"centos7\", \"version\": \"7.2\", \"created-date\": \"2016-05-11\"," +
            " \"url\": \"http://emis.example.org/centos7.raw.xz\", \"image-format\": \"raw\" } ] }";

        private const string EucalyptusImages = "{ \"version\": \"sjones4-10-31-20\", \"images\": [ { \"os\": \"ubuntu-focal\", \"login\": \"ubuntu\"," +
            " \"url\": \"https://example.org/focal.img\", \"image-format\": \"qcow2\" }, { \"os\": \"fcos\", \"url-meta\": \"https://example.invalid/s.json\"," +
            " \"url-meta-regex\": \"(https://[^\\\"]*)\" } ] }";

        private static readonly string[] JsonTokens = { "{", "}", "[", "]", "\"", ":", ",", "\\u0000", "null", "true", "1e999", "\"images\"", "\"url\"", "\"os\"", "file:///etc/passwd", "\uFEFF" };

        private static readonly string[] Refusals = { "CatalogInvalid", "CatalogTooLarge" };

        private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(120);

        [Fact]
        public void ThreeThousandMutatedJsonCatalogsAreEachReadOrRefusedWithAStableId()
        {
            using var folder = new TempDirectory();
            string path = folder.File("catalog.json");
            using var reader = new CatalogReader(new CatalogReadOptions { FetchTimeout = TimeSpan.FromSeconds(2) });
            var seeds = new[] { Encoding.UTF8.GetBytes(Eustore), Encoding.UTF8.GetBytes(CatalogWeb), Encoding.UTF8.GetBytes(EucalyptusImages) };
            MutationFuzzer.Run("JSON catalog reader", seed: 14001, seeds, JsonTokens, count: 3_000, input =>
            {
                File.WriteAllBytes(path, input);
                reader.ReadAsync(new Uri(path), null, CancellationToken.None).GetAwaiter().GetResult();
            }, Refusals, maxBytesPerInput: 16L * 1024 * 1024, TimeLimit);
        }

        [Fact]
        public void ThreeThousandMutatedEuimagePacksAreEachReadOrRefusedWithAStableId()
        {
            using var folder = new TempDirectory();
            string path = folder.File("pack.euimage");
            using var reader = new CatalogReader();
            var seeds = new[] { EuimagePackMaker.Make(imageBytes: 1024), EuimagePackMaker.Make(imageBytes: 600, imageFirst: true) };
            string[] tokens = { "ustar\0", "00000001000", "path=", "size=", "pack-md.yml", "image-md.yml", ": ", "\n  ", "- ", "&a ", "*a", "{", "[", "!!python/object" };
            MutationFuzzer.Run("euimage pack reader", seed: 14002, seeds, tokens, count: 3_000, input =>
            {
                File.WriteAllBytes(path, input);
                reader.ReadAsync(new Uri(path), null, CancellationToken.None).GetAwaiter().GetResult();
            }, Refusals, maxBytesPerInput: 16L * 1024 * 1024, TimeLimit);
        }
    }
}
