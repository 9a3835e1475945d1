using System.Collections.Generic;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    /// <summary>euca2ools' bundling option rules (mixins.configure_bundle_properties and argument types).</summary>
    public sealed class BundleManifestFactoryTests
    {
        private static BundleImageProperties Options(string? kernel = null, string? ramdisk = null, BundleImageType? type = null) =>
            new BundleImageProperties
            {
                Architecture = "x86_64",
                AccountId = "123456789012",
                ImageName = "disk.img",
                KernelId = kernel,
                RamdiskId = ramdisk,
                ImageType = type,
            };

        private static string ErrorOf(BundleImageProperties options) =>
            Assert.Throws<EucaException>(() => BundleManifestFactory.Normalize(options)).ErrorId;

        [Fact]
        public void MachineByDefault()
        {
            BundleImageProperties normalized = BundleManifestFactory.Normalize(Options("eki-1", "eri-2"));
            Assert.Equal(BundleImageType.Machine, normalized.ImageType);
            Assert.Equal("eki-1", normalized.KernelId);
            Assert.Equal("eri-2", normalized.RamdiskId);
        }

        [Fact]
        public void KernelTrueMakesAKernelBundle()
        {
            Assert.Equal(BundleImageType.Kernel, BundleManifestFactory.Normalize(Options(kernel: "true")).ImageType);
            BundleImageProperties byType = BundleManifestFactory.Normalize(Options(type: BundleImageType.Kernel));
            Assert.Equal("true", byType.KernelId);
        }

        [Fact]
        public void RamdiskTrueMakesARamdiskBundle()
        {
            BundleImageProperties normalized = BundleManifestFactory.Normalize(Options(ramdisk: "true"));
            Assert.Equal(BundleImageType.Ramdisk, normalized.ImageType);
            Assert.Equal("true", normalized.RamdiskId);
            Assert.Null(normalized.KernelId);
        }

        [Fact]
        public void KernelBundleRejectsRamdiskOtherKernelMappingsAndProductCodes()
        {
            Assert.Equal("BundleKernelOptionsInvalid", ErrorOf(Options(kernel: "true", ramdisk: "eri-1")));
            Assert.Equal("BundleKernelOptionsInvalid", ErrorOf(Options(kernel: "eki-1", type: BundleImageType.Kernel)));
            BundleImageProperties mapped = Options(kernel: "true");
            mapped.BlockDeviceMappings.Add(new BlockDeviceMapping("root", "/dev/sda1"));
            Assert.Equal("BundleKernelOptionsInvalid", ErrorOf(mapped));
            BundleImageProperties coded = Options(kernel: "true");
            coded.ProductCodes.Add("abc");
            Assert.Equal("BundleKernelOptionsInvalid", ErrorOf(coded));
        }

        [Fact]
        public void RamdiskBundleRejectsKernelOtherRamdiskAndMappings()
        {
            Assert.Equal("BundleRamdiskOptionsInvalid", ErrorOf(Options(kernel: "eki-1", ramdisk: "true")));
            Assert.Equal("BundleRamdiskOptionsInvalid", ErrorOf(Options(ramdisk: "eri-1", type: BundleImageType.Ramdisk)));
            BundleImageProperties mapped = Options(ramdisk: "true");
            mapped.BlockDeviceMappings.Add(new BlockDeviceMapping("ami", "sda1"));
            Assert.Equal("BundleRamdiskOptionsInvalid", ErrorOf(mapped));
        }

        [Theory]
        [InlineData("1234-5678-9012", "123456789012")]
        [InlineData("123456789012", "123456789012")]
        public void AccountIdLosesItsDashes(string given, string expected)
        {
            BundleImageProperties options = Options();
            options.AccountId = given;
            Assert.Equal(expected, BundleManifestFactory.Normalize(options).AccountId);
        }

        [Theory]
        [InlineData("12345678901")]
        [InlineData("1234567890123")]
        [InlineData("12345678901x")]
        [InlineData("")]
        public void AccountIdMustBeTwelveDigits(string given)
        {
            BundleImageProperties options = Options();
            options.AccountId = given;
            Assert.Equal("AccountIdInvalid", ErrorOf(options));
        }

        [Theory]
        [InlineData("i386")]
        [InlineData("x86_64")]
        [InlineData("armhf")]
        [InlineData("ppc")]
        [InlineData("ppc64")]
        [InlineData("ppc64le")]
        public void KnownArchitecturesPass(string architecture)
        {
            BundleImageProperties options = Options();
            options.Architecture = architecture;
            Assert.Equal(architecture, BundleManifestFactory.Normalize(options).Architecture);
        }

        [Theory]
        [InlineData("amd64")]
        [InlineData("i686")]
        [InlineData("")]
        public void OtherArchitecturesFail(string architecture)
        {
            BundleImageProperties options = Options();
            options.Architecture = architecture;
            Assert.Equal("ArchitectureInvalid", ErrorOf(options));
        }

        [Fact]
        public void MappingsAreSortedByVirtualNameAndMustBeUnique()
        {
            BundleImageProperties options = Options();
            options.BlockDeviceMappings = new List<BlockDeviceMapping>
            {
                new BlockDeviceMapping("swap", "sdc"), new BlockDeviceMapping("ami", "sda1"), new BlockDeviceMapping("ephemeral0", "sdb"),
            };
            Assert.Equal(new[] { "ami", "ephemeral0", "swap" },
                System.Linq.Enumerable.Select(BundleManifestFactory.Normalize(options).BlockDeviceMappings, m => m.VirtualName));
            options.BlockDeviceMappings.Add(new BlockDeviceMapping("ami", "sdz"));
            Assert.Equal("BlockDeviceMappingInvalid", ErrorOf(options));
        }

        [Fact]
        public void WriterRefusesAMachineImageMarkedAsKernel()
        {
            var manifest = new BundleManifest { Architecture = "x86_64", AccountId = "123456789012", KernelId = "true" };
            var error = Assert.Throws<EucaException>(() => new ManifestWriter().Write(manifest, null));
            Assert.Equal("BundleKernelOptionsInvalid", error.ErrorId);
        }
    }
}
