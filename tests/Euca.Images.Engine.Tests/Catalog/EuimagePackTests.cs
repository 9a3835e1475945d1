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
    /// <summary>euimage packs (§1.7d), made in the test as euimage-pack-image lays them out, read from a file and over HTTP.</summary>
    public sealed class EuimagePackTests : IDisposable
    {
        private readonly TempDirectory _folder = new TempDirectory();
        private readonly CatalogReader _reader = new CatalogReader();

        public void Dispose()
        {
            _reader.Dispose();
            _folder.Dispose();
        }

        private Uri WritePack(byte[] pack, string name = "centos-7-20160412.x86_64.euimage")
        {
            File.WriteAllBytes(_folder.File(name), pack);
            return new Uri(_folder.File(name));
        }

        [Fact]
        public async Task EachProfileIsAnEntryWithTheImagesChecksumAndTheProfilesFacts()
        {
            byte[] pack = EuimagePackMaker.Make(imageBytes: 4096);
            Uri location = WritePack(pack);

            CatalogListing listing = await _reader.ReadAsync(location, null, CancellationToken.None);

            Assert.Equal(CatalogGeneration.EuimagePack, listing.Generation);
            Assert.Empty(listing.Errors);
            Assert.Equal(new[] { "default", "paravirtual" }, listing.Images.Select(i => i.Profile));
            Assert.All(listing.Images, image =>
            {
                Assert.Equal("centos-7-20160412.x86_64", image.Name);
                Assert.Equal(location, image.Uri);
                Assert.Equal(("centos", "7", "x86_64", "euimage"), (image.OperatingSystem, image.Version, image.Architecture, image.Format));
                Assert.Equal(4096 * 3, image.Size);
                Assert.Equal(CatalogChecksumAlgorithm.Sha256, image.Checksum!.Algorithm);
                Assert.Equal(EuimagePackMaker.Sha256(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray()), image.Checksum.Value);
                Assert.Equal("20160412", image.Details["release"]);
            });
            Assert.Equal(("hvm", "CentOS 7 HVM"), (listing.Images[0].VirtualizationType, listing.Images[0].Description));
            Assert.Equal(("paravirtual", "CentOS 7 for Eucalyptus"), (listing.Images[1].VirtualizationType, listing.Images[1].Description?.TrimEnd()));
            Assert.Equal("linux", listing.Images[1].Details["platform"]);
        }

        [Fact]
        public async Task APackFileIsReadOnlyUpToItsMetadataSoATruncatedImageDoesNotMatter()
        {
            byte[] pack = EuimagePackMaker.Make(imageBytes: 1024 * 1024);
            Uri location = WritePack(pack.Take(pack.Length - 512 * 1024).ToArray());

            CatalogListing listing = await _reader.ReadAsync(location, null, CancellationToken.None);

            Assert.Equal(2, listing.Images.Count);
        }

        [Fact]
        public async Task APackOverHttpIsReadOnlyUpToItsMetadata()
        {
            using var server = new CatalogServer();
            Uri location = server.Add("packs/centos.euimage", EuimagePackMaker.Make(imageBytes: 64 * 1024 * 1024));

            CatalogListing listing = await _reader.ReadAsync(location, null, CancellationToken.None);

            Assert.Equal(2, listing.Images.Count);
            Assert.Equal(location, listing.Images[0].Uri);
            // The server may push what the sockets buffer before it notices the client left; never the whole image.
            Assert.True(server.BytesSent["/packs/centos.euimage"] < 16 * 1024 * 1024, $"{server.BytesSent["/packs/centos.euimage"]} bytes were sent");
        }

        [Fact]
        public async Task APackWithItsImageFirstIsReadFromAFileButRefusedFromAServerThatIgnoresRanges()
        {
            byte[] pack = EuimagePackMaker.Make(imageBytes: 2 * 1024 * 1024, imageFirst: true);
            using var server = new CatalogServer();
            Uri remote = server.Add("first.euimage", pack);

            CatalogListing local = await _reader.ReadAsync(WritePack(pack), null, CancellationToken.None);
            var refused = await Assert.ThrowsAsync<EucaException>(() => _reader.ReadAsync(remote, null, CancellationToken.None));

            Assert.Equal(2, local.Images.Count);
            Assert.Equal(ErrorIds.CatalogInvalid.Name, refused.ErrorId);
            Assert.Contains("-Path", refused.Message);
        }

        [Fact]
        public async Task APackWithItsImageFirstIsReadOverHttpWithARangeRequestThatSkipsTheImage()
        {
            const int imageBytes = 64 * 1024 * 1024;
            using var server = new RangeFileServer();
            Uri remote = server.Put("first.euimage", EuimagePackMaker.Make(imageBytes: imageBytes, imageFirst: true));

            CatalogListing listing = await _reader.ReadAsync(remote, null, CancellationToken.None);

            Assert.Equal(2, listing.Images.Count);
            Assert.Equal(2, server.Requests.Count);
            Assert.Null(server.Requests[0].Range);
            // The second request starts at the header after image.xz: past its data, at most a few blocks of headers more.
            Assert.Equal(206, server.Requests[1].Status);
            long resumedAt = long.Parse(server.Requests[1].Range!.Substring("bytes=".Length).TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(resumedAt, imageBytes, imageBytes + (8 * 512));
            Assert.Equal(0, resumedAt % 512);
            Assert.NotNull(server.Requests[1].IfRange);
            // The first answer may push what the sockets buffer before the client closes it; never the whole image.
            Assert.True(server.BytesSent < 16 * 1024 * 1024, $"{server.BytesSent} bytes were sent");
        }

        [Fact]
        public async Task ImageMetadataThatDoesNotMatchItsChecksumIsRefused()
        {
            string tampered = "image:\n  sha256sum: " + new string('0', 64) + "\n  size: 1\nimage_metadata:\n  sha256sum: " + new string('1', 64) + "\nversion: 1\n";
            Uri location = WritePack(EuimagePackMaker.Make(packMetadata: tampered));

            var error = await Assert.ThrowsAsync<EucaException>(() => _reader.ReadAsync(location, null, CancellationToken.None));

            Assert.Equal(ErrorIds.CatalogInvalid.Name, error.ErrorId);
            Assert.Contains("does not match", error.Message);
        }

        [Theory]
        [InlineData("name: centos\nversion: '7'\nrelease: '1'\narch: x86_64\n", "no profiles")]
        [InlineData("version: '7'\nrelease: '1'\narch: x86_64\nprofiles: {default: {}}\n", "'name'")]
        [InlineData("name: &a centos\nversion: *a\nrelease: '1'\narch: x86_64\nprofiles: {default: {}}\n", "alias")]
        [InlineData("name: [unclosed\n", "not YAML")]
        public async Task IncompleteOrHostileImageMetadataIsRefusedWithTheReason(string imageMetadata, string reason)
        {
            Uri location = WritePack(EuimagePackMaker.Make(imageMetadata));

            var error = await Assert.ThrowsAsync<EucaException>(() => _reader.ReadAsync(location, null, CancellationToken.None));

            Assert.Equal(ErrorIds.CatalogInvalid.Name, error.ErrorId);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public async Task MetadataSavedWithAByteOrderMarkIsRead()
        {
            Uri location = WritePack(EuimagePackMaker.Make("\uFEFF" + EuimagePackMaker.ImageMetadata));

            CatalogListing listing = await _reader.ReadAsync(location, null, CancellationToken.None);

            Assert.Equal("centos-7-20160412.x86_64", listing.Images[0].Name);
        }

        [Fact]
        public async Task MetadataNestedDeeperThanTheCapIsRefused()
        {
            string deep = "name: centos\nversion: '7'\nrelease: '1'\narch: x86_64\nprofiles: {default: " + new string('[', 200) + new string(']', 200) + "}\n";
            Uri location = WritePack(EuimagePackMaker.Make(deep));

            var error = await Assert.ThrowsAsync<EucaException>(() => _reader.ReadAsync(location, null, CancellationToken.None));

            Assert.Equal(ErrorIds.CatalogInvalid.Name, error.ErrorId);
            Assert.Contains("deeper than 32", error.Message);
        }

        [Fact]
        public async Task ATarWithADamagedHeaderIsRefused()
        {
            byte[] pack = EuimagePackMaker.Make();
            int second = 512 * 4; // pax header and data, then pack-md.yml's header and data, then the next pax header
            pack[second + 10] ^= 0x55;
            Uri location = WritePack(pack);

            var error = await Assert.ThrowsAsync<EucaException>(() => _reader.ReadAsync(location, null, CancellationToken.None));

            Assert.Equal(ErrorIds.CatalogInvalid.Name, error.ErrorId);
            Assert.Contains("checksum", error.Message);
        }
    }
}
