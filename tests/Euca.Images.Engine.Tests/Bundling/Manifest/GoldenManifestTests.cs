using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    /// <summary>
    /// Rebuilds each euca2ools manifest from the euca-bundle-image options in the testdata README, the part files
    /// on disk and the RSA-wrapped values (random padding, so they can only be copied), writes it as euca2ools,
    /// and expects the very same file. PKCS#1 v1.5 signatures are deterministic, so the signatures must match too.
    /// </summary>
    public sealed class GoldenManifestTests
    {
        private static readonly BundlerInfo Euca2ools = new BundlerInfo("euca2ools", "3.4-devel", "0");

        public static IEnumerable<object[]> Folders() => new[]
        {
            new object[] { "basic", new BundleImageProperties { Architecture = "x86_64" }, true },
            new object[] { "emptylast", new BundleImageProperties { Architecture = "x86_64" }, true },
            new object[] { "kernel", new BundleImageProperties { Architecture = "x86_64", KernelId = "true" }, true },
            new object[] { "unsigned", new BundleImageProperties { Architecture = "i386" }, false },
            new object[]
            {
                "mapped",
                new BundleImageProperties
                {
                    Architecture = "x86_64",
                    // -B ami=sda1,root=/dev/sda1,ephemeral0=sdb: given unsorted on purpose.
                    BlockDeviceMappings = new List<BlockDeviceMapping>
                    {
                        new BlockDeviceMapping("ami", "sda1"),
                        new BlockDeviceMapping("root", "/dev/sda1"),
                        new BlockDeviceMapping("ephemeral0", "sdb"),
                    },
                    ProductCodes = new List<string> { "abc", "def" },
                    KernelId = "eki-12345678",
                    RamdiskId = "eri-87654321",
                },
                true,
            },
        };

        [Theory]
        [MemberData(nameof(Folders))]
        public void WritesTheEuca2oolsFileByteForByte(string folder, BundleImageProperties options, bool signed)
        {
            string manifestPath = Euca2oolsTestData.Manifest(folder);
            BundleManifest manifest = Rebuild(folder, options, manifestPath);
            using RSA? userKey = signed ? PrivateKeyLoader.Load(Euca2oolsTestData.Key("user-key.pem")) : null;

            byte[] written = new ManifestWriter(Euca2ools).Write(manifest, userKey);

            Assert.Equal(File.ReadAllText(manifestPath), System.Text.Encoding.ASCII.GetString(written));
            Assert.Equal(File.ReadAllBytes(manifestPath), written);
        }

        private static BundleManifest Rebuild(string folder, BundleImageProperties options, string manifestPath)
        {
            string imageName = folder == "kernel" ? "vmlinuz-test" : "disk.img";
            options.AccountId = "1234-5678-9012";
            options.ImageName = imageName;
            BundleImageProperties normalized = BundleManifestFactory.Normalize(options);

            // Only what cannot be derived is copied from the file: the tar digest and the RSA-wrapped key and IV.
            BundleManifest original = ManifestReader.ReadFile(manifestPath).Manifest;
            string[] partFiles = Directory.GetFiles(Path.GetDirectoryName(manifestPath)!, imageName + ".part.*").OrderBy(f => f).ToArray();
            return new BundleManifest
            {
                Architecture = normalized.Architecture,
                BlockDeviceMappings = normalized.BlockDeviceMappings,
                ProductCodes = normalized.ProductCodes,
                KernelId = normalized.KernelId,
                RamdiskId = normalized.RamdiskId,
                ImageName = normalized.ImageName,
                AccountId = normalized.AccountId,
                ImageType = normalized.ImageType!.Value,
                ImageDigest = original.ImageDigest,
                Size = new FileInfo(Euca2oolsTestData.File(imageName)).Length,
                BundledSize = partFiles.Sum(f => new FileInfo(f).Length),
                Ec2EncryptedKey = original.Ec2EncryptedKey,
                UserEncryptedKey = original.UserEncryptedKey,
                Ec2EncryptedIv = original.Ec2EncryptedIv,
                UserEncryptedIv = original.UserEncryptedIv,
                Parts = partFiles.Select((f, i) => new BundlePart(i, Path.GetFileName(f),
                    Convert.ToHexString(SHA1.HashData(File.ReadAllBytes(f))).ToLowerInvariant())).ToList(),
            };
        }
    }
}
