using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;
using Xunit;

namespace Euca.Images.Engine.Tests.Storage
{
    /// <summary>A stored bundle streamed into a caller's stream: what export and the copy to AWS build on.</summary>
    [Collection(S3rverCollection.Name)]
    public sealed class StoredBundleTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly CloudConnection _direct;

        public StoredBundleTests(S3rverFixture s3)
        {
            _direct = s3.Connect();
        }

        public void Dispose()
        {
            _direct.Dispose();
            _temp.Dispose();
        }

        [Fact]
        public async Task TheImageStreamsIntoAnyStreamAndItsSizeIsKnownBeforeAByteIsRead()
        {
            BundleInfo bundle = await StorageTestBundle.CreateAsync(_temp, "stream.img", size: 300_000, seed: 3);
            BundleUpload upload = await BundleUploader.SendAsync(_direct,
                new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget("b-" + Guid.NewGuid().ToString("N").Substring(0, 12))), null, CancellationToken.None);
            using RSA key = StorageTestBundle.UserKey();
            var signer = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));

            StoredBundle stored = await StoredBundle.OpenAsync(_direct, ManifestLocation.Parse(upload.ManifestLocation), key, signer, null, CancellationToken.None);
            Assert.Equal(300_000, stored.ImageSize);
            Assert.True(stored.SignatureVerified);
            using var output = new MemoryStream();
            PayloadReadResult result = await stored.ExpandIntoAsync(output, null, CancellationToken.None);

            Assert.Equal(File.ReadAllBytes(_temp.File("stream.img")), output.ToArray());
            Assert.Equal(bundle.ImageDigest, result.ImageDigestSha1);
            Assert.Equal(BundleKeyCopy.User, stored.KeySource);
        }
    }
}
