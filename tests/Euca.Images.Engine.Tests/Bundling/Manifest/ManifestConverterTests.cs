using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    public sealed class ManifestConverterTests
    {
        private readonly X509Certificate2 _userCert = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));

        private static ManifestConversionRequest ForSecondCloud() =>
            new ManifestConversionRequest(StorageTestBundle.UserKey(), LocalCloudKeys.SecondCloudCertificate()) { PrivateKeyName = "user-key.pem" };

        [Fact]
        public async Task TheConvertedManifestOpensWithTheOtherCloudsKeyAndTheUsersKeyAndItsSignatureVerifies()
        {
            using var temp = new TempDirectory();
            BundleInfo bundle = await StorageTestBundle.CreateAsync(temp, "disk.img");
            byte[] original = File.ReadAllBytes(bundle.ManifestPath);

            ManifestConversionResult result = ManifestFileConverter.Convert(bundle.ManifestPath, null, false, ForSecondCloud());

            Assert.Equal(Path.Combine(bundle.Directory, "disk.img.converted.manifest.xml"), result.Destination);
            Assert.Equal(original, File.ReadAllBytes(bundle.ManifestPath));
            ManifestDocument converted = ManifestReader.ReadFile(result.Destination);
            Assert.Equal(SignatureCheck.Valid, converted.VerifySignature(_userCert));
            BundleKeyMaterial source = ManifestReader.ReadFile(bundle.ManifestPath).Manifest.UnwrapKey(StorageTestBundle.UserKey()).Material;
            UnwrappedBundleKey byCloud = converted.Manifest.UnwrapKey(LocalCloudKeys.SecondCloudKey());
            Assert.Equal(BundleKeyCopy.Cloud, byCloud.Source);
            Assert.Equal((source.KeyHex, source.IvHex), (byCloud.Material.KeyHex, byCloud.Material.IvHex));
            Assert.Equal(BundleKeyCopy.User, converted.Manifest.UnwrapKey(StorageTestBundle.UserKey()).Source);
            using RSA firstCloud = PrivateKeyLoader.Load(Euca2oolsTestData.Key("cloud-key.pem"));
            Assert.Equal(EucaErrorCategory.AuthenticationError, Assert.Throws<EucaException>(() => converted.Manifest.UnwrapKey(firstCloud)).Category);
            Assert.Equal(ManifestReader.ReadFile(bundle.ManifestPath).Manifest.UserEncryptedKey, converted.Manifest.UserEncryptedKey);
            Assert.Equal(ManifestReader.ReadFile(bundle.ManifestPath).Manifest.ImageDigest, converted.Manifest.ImageDigest);
            Assert.Equal(bundle.Parts.Count, converted.Manifest.Parts.Count);
            for (int i = 0; i < bundle.Parts.Count; i++)
            {
                Assert.Equal((ManifestReader.ReadFile(bundle.ManifestPath).Manifest.Parts[i].FileName, ManifestReader.ReadFile(bundle.ManifestPath).Manifest.Parts[i].Digest), (converted.Manifest.Parts[i].FileName, converted.Manifest.Parts[i].Digest));
            }
        }

        [Fact]
        public async Task TheConvertedBundleExpandsWithTheOtherCloudsKeyToTheSameImage()
        {
            using var temp = new TempDirectory();
            BundleInfo bundle = await StorageTestBundle.CreateAsync(temp, "disk.img");
            ManifestConversionResult result = ManifestFileConverter.Convert(bundle.ManifestPath, null, false, ForSecondCloud());

            ExpandedImage image = await BundleExpander.ExpandAsync(result.Destination, bundle.Directory, temp.File("out"), LocalCloudKeys.SecondCloudKey(), _userCert,
                false, null, CancellationToken.None);

            Assert.Equal(File.ReadAllBytes(temp.File("disk.img")), File.ReadAllBytes(image.Path));
        }

        [Fact]
        public async Task KernelAndRamdiskChangeAndTheUserCopyCanBeWrappedForAnotherCertificate()
        {
            using var temp = new TempDirectory();
            BundleInfo bundle = await StorageTestBundle.CreateAsync(temp, "disk.img");
            ManifestConversionRequest request = ForSecondCloud();
            request.KernelId = "EKI-0A0B0C0D";
            request.RamdiskId = "eri-01020304";
            request.UserCertificate = CertificateLoader.Load(Euca2oolsTestData.Key("cloud-cert.pem"));

            ManifestConversionResult result = ManifestFileConverter.Convert(bundle.ManifestPath, temp.File("moved.manifest.xml"), false, request);

            ManifestDocument converted = ManifestReader.ReadFile(temp.File("moved.manifest.xml"));
            Assert.Equal(("eki-0a0b0c0d", "eri-01020304"), (converted.Manifest.KernelId, converted.Manifest.RamdiskId));
            Assert.Equal(("eki-0a0b0c0d", "eri-01020304"), (result.KernelId, result.RamdiskId));
            Assert.Equal(SignatureCheck.Valid, converted.VerifySignature(_userCert));
            using RSA firstCloud = PrivateKeyLoader.Load(Euca2oolsTestData.Key("cloud-key.pem"));
            Assert.Equal(BundleKeyCopy.User, converted.Manifest.UnwrapKey(firstCloud).Source);
        }

        [Fact]
        public async Task ATamperedManifestIsRefusedAndNothingIsWritten()
        {
            using var temp = new TempDirectory();
            BundleInfo bundle = await StorageTestBundle.CreateAsync(temp, "disk.img");
            string text = File.ReadAllText(bundle.ManifestPath);
            File.WriteAllText(bundle.ManifestPath, text.Replace("<architecture>x86_64</architecture>", "<architecture>i386</architecture>"), Encoding.ASCII);

            var error = Assert.Throws<EucaException>(() => ManifestFileConverter.Convert(bundle.ManifestPath, null, false, ForSecondCloud()));

            Assert.Equal("ManifestSignatureInvalid", error.ErrorId);
            Assert.False(File.Exists(Path.Combine(bundle.Directory, "disk.img.converted.manifest.xml")));
        }

        [Fact]
        public async Task AManifestSignedByAnotherKeyIsRefused()
        {
            using var temp = new TempDirectory();
            BundleInfo bundle = await StorageTestBundle.CreateAsync(temp, "disk.img");
            var request = new ManifestConversionRequest(LocalCloudKeys.SecondCloudKey(), LocalCloudKeys.SecondCloudCertificate());

            var error = Assert.Throws<EucaException>(() => ManifestFileConverter.Convert(bundle.ManifestPath, null, false, request));

            Assert.Equal("ManifestSignatureInvalid", error.ErrorId);
        }

        [Fact]
        public async Task AnExistingDestinationIsKeptUnlessForcedAndForceAloneConvertsInPlace()
        {
            using var temp = new TempDirectory();
            BundleInfo bundle = await StorageTestBundle.CreateAsync(temp, "disk.img");
            string converted = Path.Combine(bundle.Directory, "disk.img.converted.manifest.xml");
            File.WriteAllText(converted, "keep me");

            var error = Assert.Throws<EucaException>(() => ManifestFileConverter.Convert(bundle.ManifestPath, null, false, ForSecondCloud()));
            Assert.Equal("ManifestConversionDestinationExists", error.ErrorId);
            Assert.Equal("keep me", File.ReadAllText(converted));
            error = Assert.Throws<EucaException>(() => ManifestFileConverter.Convert(bundle.ManifestPath, bundle.ManifestPath, false, ForSecondCloud()));
            Assert.Equal("ManifestConversionDestinationExists", error.ErrorId);

            ManifestConversionResult inPlace = ManifestFileConverter.Convert(bundle.ManifestPath, null, true, ForSecondCloud());

            Assert.Equal(bundle.ManifestPath, inPlace.Destination);
            Assert.Equal(BundleKeyCopy.Cloud, ManifestReader.ReadFile(bundle.ManifestPath).Manifest.UnwrapKey(LocalCloudKeys.SecondCloudKey()).Source);
            Assert.Equal("keep me", File.ReadAllText(converted));
        }

        [Fact]
        public async Task AKernelBundleTakesNoNewKernel()
        {
            using var temp = new TempDirectory();
            BundleCreateRequest create = StorageTestBundle.Request(StorageTestBundle.Image(temp, "vmlinuz", 100_000, 3), temp.File("kernel"));
            create.Properties.ImageType = BundleImageType.Kernel;
            BundleInfo kernel = await BundleCreator.CreateAsync(create, null, CancellationToken.None);
            ManifestConversionRequest request = ForSecondCloud();
            request.KernelId = "eki-0a0b0c0d";

            var error = Assert.Throws<EucaException>(() => ManifestFileConverter.Convert(kernel.ManifestPath, null, false, request));

            Assert.Equal("ManifestConversionKernelNotAllowed", error.ErrorId);
        }
    }
}
