using System.Linq;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    /// <summary>Every field of the five euca2ools 3.4 manifests, as the testdata README describes them.</summary>
    public sealed class Euca2oolsManifestReadingTests
    {
        private const string DiskDigest = "4d613d6e656845c661c8d98294175d276ba1ec7b";
        private const string EmptyDigest = "da39a3ee5e6b4b0d3255bfef95601890afd80709";

        private static BundleManifest Read(string folder) => ManifestReader.ReadFile(Euca2oolsTestData.Manifest(folder)).Manifest;

        [Theory]
        [InlineData("basic")]
        [InlineData("emptylast")]
        [InlineData("kernel")]
        [InlineData("mapped")]
        [InlineData("unsigned")]
        public void CommonFields(string folder)
        {
            BundleManifest manifest = Read(folder);
            Assert.Equal("2007-10-10", manifest.Version);
            Assert.Equal("euca2ools", manifest.Bundler!.Name);
            Assert.Equal("3.4-devel", manifest.Bundler.Version);
            Assert.Equal("0", manifest.Bundler.Release);
            Assert.Equal("123456789012", manifest.AccountId);
            Assert.Equal(512, manifest.Ec2EncryptedKey.Length);
            Assert.Equal(512, manifest.Ec2EncryptedIv.Length);
            Assert.Null(manifest.KernelName);
            Assert.Empty(manifest.AncestorAmiIds);
        }

        [Fact]
        public void Basic()
        {
            BundleManifest manifest = Read("basic");
            Assert.Equal("x86_64", manifest.Architecture);
            Assert.Equal(BundleImageType.Machine, manifest.ImageType);
            Assert.Null(manifest.KernelId);
            Assert.Null(manifest.RamdiskId);
            Assert.Empty(manifest.BlockDeviceMappings);
            Assert.Empty(manifest.ProductCodes);
            Assert.Equal("disk.img", manifest.ImageName);
            Assert.Equal(DiskDigest, manifest.ImageDigest);
            Assert.Equal(300000, manifest.Size);
            Assert.Equal(150688, manifest.BundledSize);
            Assert.Equal(512, manifest.UserEncryptedKey.Length);
            Assert.Equal(512, manifest.UserEncryptedIv.Length);
            Assert.Equal(new[] { "disk.img.part.00", "disk.img.part.01", "disk.img.part.02" }, manifest.Parts.Select(p => p.FileName));
            Assert.Equal(new[] { 0, 1, 2 }, manifest.Parts.Select(p => p.Index));
            Assert.Equal("c39a0676826a1adbf5bd8057be4a882513482173", manifest.Parts[2].Digest);
            Assert.Matches("^[0-9a-f]{512}$", manifest.Signature);
        }

        [Fact]
        public void EmptyLastPart()
        {
            BundleManifest manifest = Read("emptylast");
            Assert.Equal(3, manifest.Parts.Count);
            Assert.Equal("disk.img.part.02", manifest.Parts[2].FileName);
            Assert.Equal(EmptyDigest, manifest.Parts[2].Digest);
            Assert.Equal(150688, manifest.BundledSize);
        }

        [Fact]
        public void Kernel()
        {
            BundleManifest manifest = Read("kernel");
            Assert.Equal(BundleImageType.Kernel, manifest.ImageType);
            Assert.Equal("true", manifest.KernelId);
            Assert.Null(manifest.RamdiskId);
            Assert.Equal("vmlinuz-test", manifest.ImageName);
            Assert.Equal(30000, manifest.Size);
            Assert.Equal(160, manifest.BundledSize);
            Assert.Equal("vmlinuz-test.part.00", Assert.Single(manifest.Parts).FileName);
        }

        [Fact]
        public void Unsigned()
        {
            BundleManifest manifest = Read("unsigned");
            Assert.Equal("i386", manifest.Architecture);
            Assert.Equal("UNSIGNED", manifest.Signature);
            Assert.Equal("", manifest.UserEncryptedKey);
            Assert.Equal("", manifest.UserEncryptedIv);
            Assert.Equal("disk.img.part.00", Assert.Single(manifest.Parts).FileName);
        }

        [Fact]
        public void MappedSortedWithProductCodesKernelAndRamdisk()
        {
            BundleManifest manifest = Read("mapped");
            Assert.Equal(new[] { "ami=sda1", "ephemeral0=sdb", "root=/dev/sda1" },
                manifest.BlockDeviceMappings.Select(m => m.VirtualName + "=" + m.Device));
            Assert.Equal(new[] { "abc", "def" }, manifest.ProductCodes);
            Assert.Equal("eki-12345678", manifest.KernelId);
            Assert.Equal("eri-87654321", manifest.RamdiskId);
            Assert.Equal(BundleImageType.Machine, manifest.ImageType);
        }
    }
}
