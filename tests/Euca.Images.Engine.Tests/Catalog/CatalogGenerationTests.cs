using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Catalog
{
    /// <summary>The three JSON generations of eucalyptus.md §1.7, as their real catalogs were shaped, served over loopback HTTP.</summary>
    public sealed class CatalogGenerationTests : IDisposable
    {
        private const string Eustore = @"{
  ""version"": ""eustore-catalog-2011-12-29"",
  ""images"": [
    { ""name"": ""1330543208"", ""description"": ""CentOS 5 1.3GB root, Hypervisor-Specific Kernels"", ""version"": ""2011.07.02"",
      ""architecture"": ""x86_64"", ""os"": ""centos"", ""single-kernel"": ""False"", ""hypervisors-supported"": [""xen"", ""kvm""],
      ""url"": ""centos-5/euca-centos-2011.07.02-x86_64.tar.gz"", ""date"": ""20110702120000"", ""recipe"": ""centos-based"",
      ""stamp"": ""6e69-7565"", ""contact"": ""images@eucalyptus.com"" },
    { ""name"": ""0981112233"", ""description"": ""Ubuntu 12.04 HVM"", ""version"": ""2012.05.01"", ""architecture"": ""x86_64"",
      ""os"": ""ubuntu"", ""single-kernel"": ""True"", ""hypervisors-supported"": [""kvm""], ""virtualization_type"": ""hvm"",
      ""url"": ""http://mirror.example.org/ubuntu-12.04.tar.gz"", ""date"": ""20120501000000"", ""added-later"": { ""ignored"": true } }
  ]
}";

        private const string CatalogWeb = @"{
  ""images"": [
    { ""os"": ""centos7"", ""version"": ""7.2"", ""created-date"": ""2016-05-11"", ""description"": ""CentOS 7 x86_64 cloud image"",
      ""url"": ""http://emis.example.org/centos7-20160511.raw.xz"", ""image-format"": ""raw"" },
    { ""os"": ""ubuntu-trusty"", ""created-date"": ""2016-06-01"", ""description"": ""Ubuntu 14.04"",
      ""url"": ""images/trusty.qcow2"", ""image-format"": ""qcow2"" }
  ]
}";

        private const string EucalyptusImages = @"{
  ""version"": ""sjones4-10-31-20"",
  ""images"": [
    { ""os"": ""ubuntu-focal"", ""description"": ""Ubuntu 20.04 LTS"", ""login"": ""ubuntu"", ""architecture"": ""x86_64"",
      ""url"": ""https://cloud-images.example.org/focal/current/focal-server-cloudimg-amd64.img"", ""url-name"": ""focal"",
      ""updates"": ""yes"", ""image-format"": ""qcow2"" },
    { ""os"": ""centos-8"", ""description"": ""CentOS 8"", ""login"": ""centos"", ""url"": ""https://cloud.example.org/centos-8.raw.xz"" }
  ]
}";

        private readonly CatalogServer _server = new CatalogServer();
        private readonly CatalogReader _reader = new CatalogReader();

        public void Dispose()
        {
            _reader.Dispose();
            _server.Dispose();
        }

        [Fact]
        public async Task EustoreEntriesCarryEveryFieldTheirChecksumAndTheirKernelFacts()
        {
            Uri catalog = _server.Add("emis/catalog", Eustore);

            CatalogListing listing = await _reader.ReadAsync(catalog, null, CancellationToken.None);

            Assert.Equal(CatalogGeneration.Eustore, listing.Generation);
            Assert.Empty(listing.Errors);
            CatalogImage centos = listing.Images[0];
            Assert.Equal("1330543208", centos.Name);
            Assert.Equal(new Uri(_server.Url, "emis/centos-5/euca-centos-2011.07.02-x86_64.tar.gz"), centos.Uri);
            Assert.Equal(catalog.AbsoluteUri, centos.Catalog);
            Assert.Equal(("centos", "2011.07.02", "x86_64"), (centos.OperatingSystem, centos.Version, centos.Architecture));
            Assert.Equal("CentOS 5 1.3GB root, Hypervisor-Specific Kernels", centos.Description);
            Assert.Equal(CatalogVirtualizationTypes.Paravirtual, centos.VirtualizationType);
            Assert.Equal("tarball", centos.Format);
            Assert.False(centos.SingleKernel);
            Assert.Equal(new[] { "xen", "kvm" }, centos.Hypervisors);
            Assert.Equal(new DateTimeOffset(2011, 7, 2, 12, 0, 0, TimeSpan.Zero), centos.Created);
            Assert.Equal(CatalogChecksumAlgorithm.EustoreCrc32OfMd5, centos.Checksum!.Algorithm);
            Assert.Equal("1330543208", centos.Checksum.Value);
            Assert.Equal("centos-based", centos.Details["recipe"]);
            Assert.Equal("6e69-7565", centos.Details["stamp"]);
            Assert.Equal("images@eucalyptus.com", centos.Details["contact"]);

            CatalogImage ubuntu = listing.Images[1];
            Assert.Equal(new Uri("http://mirror.example.org/ubuntu-12.04.tar.gz"), ubuntu.Uri);
            Assert.Equal(CatalogVirtualizationTypes.Hvm, ubuntu.VirtualizationType);
            Assert.True(ubuntu.SingleKernel);
        }

        [Fact]
        public async Task CatalogWebEntriesAreNamedAfterTheirOsAndDateAndAreHvmX8664()
        {
            Uri catalog = _server.Add("catalog-web", CatalogWeb);

            CatalogListing listing = await _reader.ReadAsync(catalog, null, CancellationToken.None);

            Assert.Equal(CatalogGeneration.CatalogWeb, listing.Generation);
            Assert.Equal(new[] { "centos7-2016-05-11", "ubuntu-trusty-2016-06-01" }, listing.Images.Select(i => i.Name));
            Assert.All(listing.Images, i => Assert.Equal(("x86_64", "hvm"), (i.Architecture, i.VirtualizationType)));
            Assert.Equal(new[] { "raw", "qcow2" }, listing.Images.Select(i => i.Format));
            Assert.Equal(new Uri(_server.Url, "images/trusty.qcow2"), listing.Images[1].Uri);
            Assert.Equal(new DateTimeOffset(2016, 5, 11, 0, 0, 0, TimeSpan.Zero), listing.Images[0].Created);
            Assert.Equal("7.2", listing.Images[0].Version);
        }

        [Fact]
        public async Task EucalyptusImagesEntriesAreNamedAfterTheirOsWithTheirLoginUserAndTheCatalogVersion()
        {
            Uri catalog = _server.Add("images/image-catalog.json", EucalyptusImages);

            CatalogListing listing = await _reader.ReadAsync(catalog, null, CancellationToken.None);

            Assert.Equal(CatalogGeneration.EucalyptusImages, listing.Generation);
            CatalogImage focal = listing.Images[0];
            Assert.Equal("ubuntu-focal", focal.Name);
            Assert.Equal(("ubuntu", "qcow2", "hvm"), (focal.LoginUser, focal.Format, focal.VirtualizationType));
            Assert.Equal("sjones4-10-31-20", focal.Version);
            Assert.Equal("focal", focal.Details["url-name"]);
            Assert.Equal("yes", focal.Details["updates"]);
            Assert.Equal(("raw", "x86_64"), (listing.Images[1].Format, listing.Images[1].Architecture));
        }

        [Fact]
        public async Task ACatalogFileIsReadAndItsRelativeUrlsBecomeFileUrlsBesideIt()
        {
            using var folder = new TempDirectory();
            File.WriteAllText(folder.File("catalog"), Eustore);

            CatalogListing listing = await _reader.ReadAsync(new Uri(folder.File("catalog")), null, CancellationToken.None);

            Assert.Equal(new Uri(folder.File("centos-5/euca-centos-2011.07.02-x86_64.tar.gz")), listing.Images[0].Uri);
            Assert.Equal(folder.File("catalog"), listing.Images[0].Catalog);
        }

        [Fact]
        public async Task ACatalogFileSavedWithAByteOrderMarkIsRead()
        {
            using var folder = new TempDirectory();
            File.WriteAllText(folder.File("catalog.json"), CatalogWeb, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            CatalogListing listing = await _reader.ReadAsync(new Uri(folder.File("catalog.json")), null, CancellationToken.None);

            Assert.Equal(2, listing.Images.Count);
        }

        [Fact]
        public async Task ARepeatedKeyKeepsItsLastValueAsPythonsJsonDid()
        {
            Uri catalog = _server.Add("repeated.json", "{ \"images\": [ { \"os\": \"first\", \"os\": \"last\", \"url\": \"http://example.org/a.raw\" } ] }");

            CatalogListing listing = await _reader.ReadAsync(catalog, null, CancellationToken.None);

            Assert.Equal("last", Assert.Single(listing.Images).Name);
        }

        [Fact]
        public async Task ACatalogThatIsNotUtf8IsRefused()
        {
            Uri catalog = _server.Add("latin1.json", new byte[] { (byte)'{', (byte)'"', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}' });

            var error = await Assert.ThrowsAsync<EucaException>(() => _reader.ReadAsync(catalog, null, CancellationToken.None));

            Assert.Equal(ErrorIds.CatalogInvalid.Name, error.ErrorId);
            Assert.Contains("not UTF-8", error.Message);
        }

        [Fact]
        public async Task ReadingALargeCatalogReportsItsProgressInBytes()
        {
            string large = EucalyptusImages.Replace("\"Ubuntu 20.04 LTS\"", "\"" + new string('x', 512 * 1024) + "\"");
            Uri catalog = _server.Add("large.json", large);
            var reports = new System.Collections.Concurrent.ConcurrentQueue<Euca.Images.Engine.Progress.OperationProgress>();

            await _reader.ReadAsync(catalog, new Euca.Images.Engine.Progress.ProgressCallback(reports.Enqueue), CancellationToken.None);

            Assert.True(reports.Count > 1, $"{reports.Count} reports");
            Assert.All(reports, r => Assert.Equal(large.Length, r.BytesTotal));
            Assert.Equal(large.Length, reports.Last().BytesDone);
            Assert.Contains("catalog", reports.Last().Activity);
        }

        [Fact]
        public async Task AnEntryMissingARequiredFieldIsAnErrorNamingItAndTheOthersAreStillListed()
        {
            Uri catalog = _server.Add("partial.json", @"{ ""version"": ""v1"", ""images"": [
                { ""os"": ""no-url"", ""description"": ""lacks its url"" },
                { ""description"": ""lacks its os"", ""url"": ""http://example.org/a.raw"" },
                { ""os"": ""fine"", ""url"": ""http://example.org/fine.raw"" } ] }");

            CatalogListing listing = await _reader.ReadAsync(catalog, null, CancellationToken.None);

            Assert.Equal("fine", Assert.Single(listing.Images).Name);
            Assert.Equal(2, listing.Errors.Count);
            Assert.All(listing.Errors, e => Assert.Equal(ErrorIds.CatalogEntryInvalid.Name, e.ErrorId));
            Assert.Contains("entry 1 ('no-url')", listing.Errors[0].Message);
            Assert.Contains("'url'", listing.Errors[0].Message);
            Assert.Contains("entry 2", listing.Errors[1].Message);
            Assert.Contains("'os'", listing.Errors[1].Message);
        }
    }
}
