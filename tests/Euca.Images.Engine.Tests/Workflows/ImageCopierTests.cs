using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Registration;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;
using Euca.Images.Engine.Workflows.ImageCopy;

namespace Euca.Images.Engine.Tests.Workflows
{
    /// <summary>Copy-EucaImage's engine between two local clouds, each with its own s3rver and cloud certificate.</summary>
    public sealed class ImageCopierTests : IClassFixture<TwoCloudsFixture>, IDisposable
    {
        private readonly TwoCloudsFixture _clouds;
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly X509Certificate2 _userCert = LocalCloudKeys.UserCertificate();

        public ImageCopierTests(TwoCloudsFixture clouds)
        {
            _clouds = clouds;
        }

        public void Dispose() => _temp.Dispose();

        [Fact]
        public async Task TheCopyIsRegisteredLikeTheSourceOpensWithTheDestinationCloudKeyAndExpandsToTheSameImage()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();
            ImageInfo original = await RegisterSourceAsync(source, "copy-hvm", null, null);
            ManifestLocation sourceLocation = ManifestLocation.Parse(original.ImageLocation!);
            byte[] sourceManifest = await ReadAsync(source, sourceLocation);

            ImageCopyRequest request = Request(original.ImageId, "copied-hvm");
            request.Tags = new Dictionary<string, string> { ["origin"] = "source-cloud" };
            ImageInfo copy = await new ImageCopier(source, destination).CopyAsync(request, null, CancellationToken.None);

            Assert.Equal((original.Architecture, original.Description, original.VirtualizationType), (copy.Architecture, copy.Description, copy.VirtualizationType));
            Assert.Equal("copied-hvm/copy-hvm.img.manifest.xml", copy.ImageLocation);
            Assert.Equal("source-cloud", (await new Engine.Tags.TagService(destination).GetTagsAsync(new[] { copy.ImageId }, null, CancellationToken.None)).Single(t => t.Key == "origin").Value);
            Assert.Equal(sourceManifest, await ReadAsync(source, sourceLocation));
            ManifestDocument copied = ManifestReader.Read(await ReadAsync(destination, ManifestLocation.Parse(copy.ImageLocation!)), "copy");
            Assert.Equal(BundleKeyCopy.Cloud, copied.Manifest.UnwrapKey(LocalCloudKeys.SecondCloudKey()).Source);
            Assert.Equal(SignatureCheck.Valid, copied.VerifySignature(_userCert));
            await AssertExpandsToAsync(destination, copy, LocalCloudKeys.SecondCloudKey(), "copy-hvm.img");
        }

        [Fact]
        public async Task AParavirtualCopyBootsTheDestinationsKernelFoundByNameAndTheRamdiskGiven()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();
            ImageInfo original = await RegisterSourceAsync(source, "copy-pv", TwoCloudsFixture.SourceKernelId, TwoCloudsFixture.SourceRamdiskId);

            ImageCopyRequest request = Request(original.ImageId, "copied-pv");
            request.RamdiskId = TwoCloudsFixture.DestinationRamdiskId;
            ImageInfo copy = await new ImageCopier(source, destination).CopyAsync(request, null, CancellationToken.None);

            Assert.Equal((TwoCloudsFixture.DestinationKernelId, TwoCloudsFixture.DestinationRamdiskId), (copy.KernelId, copy.RamdiskId));
            Assert.Equal(VirtualizationKind.Paravirtual, copy.VirtualizationType);
            BundleManifest copied = ManifestReader.Read(await ReadAsync(destination, ManifestLocation.Parse(copy.ImageLocation!)), "copy").Manifest;
            Assert.Equal((TwoCloudsFixture.DestinationKernelId, TwoCloudsFixture.DestinationRamdiskId), (copied.KernelId, copied.RamdiskId));
        }

        [Fact]
        public async Task AParavirtualImageWhoseRamdiskTheDestinationLacksFailsBeforeAnythingIsCopied()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();
            ImageInfo original = await RegisterSourceAsync(source, "copy-noramdisk", TwoCloudsFixture.SourceKernelId, TwoCloudsFixture.SourceRamdiskId);

            var error = await Assert.ThrowsAsync<EucaException>(() =>
                new ImageCopier(source, destination).CopyAsync(Request(original.ImageId, "copied-noramdisk"), null, CancellationToken.None));

            Assert.Equal("ImageCopyRamdiskNotFound", error.ErrorId);
            Assert.Empty(await ObjectStore.For(destination, null).ListBucketNamesAsync(CancellationToken.None).ContinueWith(t => t.Result.Where(b => b == "copied-noramdisk").ToList()));
        }

        [Fact]
        public async Task AnEbsBackedSourceIsRefusedWithTheRouteToTake()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();
            ImageInfo ebs = (await new ImageService(source).GetImagesAsync(new ImageQuery { RootDeviceTypes = new[] { RootDeviceKind.Ebs } }, CancellationToken.None)).Items.First();

            var error = await Assert.ThrowsAsync<EucaException>(() =>
                new ImageCopier(source, destination).CopyAsync(Request(ebs.ImageId, "copied-ebs"), null, CancellationToken.None));

            Assert.Equal("ImageCopyEbsSourceUnsupported", error.ErrorId);
            Assert.Contains("New-EucaImage", error.Message);
        }

        [Fact]
        public async Task ASourcePartThatDoesNotMatchItsDigestStopsTheCopyWithNothingRegisteredOrManifestStored()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();
            ImageInfo original = await RegisterSourceAsync(source, "copy-corrupt", null, null);
            ManifestLocation location = ManifestLocation.Parse(original.ImageLocation!);
            await PutAsync(source, location.Bucket, location.KeyFor("copy-corrupt.img.part.03"), new byte[StorageTestBundle.PartSize]);

            ImageCopyRequest request = Request(original.ImageId, "copied-corrupt");
            request.ResumeCommand = "Copy-EucaImage -SourceImageId " + original.ImageId + " -Resume";

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageCopier(source, destination).CopyAsync(request, null, CancellationToken.None));

            Assert.Equal("ImageCopyPartCorrupt", error.ErrorId);
            Assert.Contains("To finish the copy: " + request.ResumeCommand, error.Message);
            await AssertNothingAtDestinationAsync(destination, "copied-corrupt/copy-corrupt.img.manifest.xml");
        }

        [Fact]
        public async Task ACopyCutOffHalfWayLeavesNothingRegisteredAndResumingFinishesWithoutResendingTheStoredParts()
        {
            using CloudConnection source = _clouds.Source();
            ImageInfo original = await RegisterSourceAsync(source, "copy-cut", null, null);
            using var failing = new FaultProxy(_clouds.DestinationStore.Port, (_, method, path) =>
                method == "PUT" && path.Contains("copy-cut.img.part.05", StringComparison.Ordinal) ? new Fault(FaultKind.Drop) : Fault.None);
            using CloudConnection cut = _clouds.Destination(failing.Url);
            ImageCopyRequest first = Request(original.ImageId, "copied-cut", throttle: 1);
            first.ResumeCommand = "Copy-EucaImage ... -Resume";

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageCopier(source, cut).CopyAsync(first, null, CancellationToken.None));

            Assert.Contains("Copy-EucaImage ... -Resume", error.Message);
            int storedBefore = first.Target.Journal.StoredKeys.Count;
            Assert.Equal(5, storedBefore);
            using CloudConnection destination = _clouds.Destination();
            await AssertNothingAtDestinationAsync(destination, "copied-cut/copy-cut.img.manifest.xml");

            await AssertResumingSendsOnlyTheMissingPartsAsync(source, original, "copied-cut", storedBefore, "copy-cut.img");
        }

        [Fact]
        public async Task ACopyCancelledHalfWayLeavesNothingRegisteredNamesTheResumeCommandAndResumingSendsOnlyTheMissingParts()
        {
            using CloudConnection source = _clouds.Source();
            ImageInfo original = await RegisterSourceAsync(source, "copy-stop", null, null);
            IList<BundlePart> sourceParts = ManifestReader.Read(await ReadAsync(source, ManifestLocation.Parse(original.ImageLocation!)), "source").Manifest.Parts;
            int half = sourceParts.Count / 2;
            using var ctrlC = new CancellationTokenSource();
            // Ctrl+C while the part half way is on its way: the store never answers that PUT, so exactly the parts before it are stored.
            using var stopping = new FaultProxy(_clouds.DestinationStore.Port, (_, method, path) =>
            {
                if (method != "PUT" || !path.EndsWith("/" + sourceParts[half].FileName, StringComparison.Ordinal))
                {
                    return Fault.None;
                }

                ctrlC.Cancel();
                return new Fault(FaultKind.Stall);
            });
            using CloudConnection interrupted = _clouds.Destination(stopping.Url);
            ImageCopyRequest first = Request(original.ImageId, "copied-stop", throttle: 1);
            first.ResumeCommand = $"Copy-EucaImage -SourceImageId {original.ImageId} -SourceConnection $source -Bucket copied-stop -Resume";
            var copier = new ImageCopier(source, interrupted);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copier.CopyAsync(first, null, ctrlC.Token));

            Assert.Equal(half, first.Target.Journal.StoredKeys.Count);
            Assert.Contains("To finish the copy: " + first.ResumeCommand, copier.DescribeLeftovers());
            using CloudConnection destination = _clouds.Destination();
            await AssertNothingAtDestinationAsync(destination, "copied-stop/copy-stop.img.manifest.xml");

            await AssertResumingSendsOnlyTheMissingPartsAsync(source, original, "copied-stop", half, "copy-stop.img");
        }

        [Fact]
        public async Task ACopyOfSeveralPartsReportsTheBytesOfTheWholeBundleWithItsOwnClockAndABarPerPart()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();
            ImageInfo original = await RegisterSourceAsync(source, "copy-progress", null, null);
            var reports = new List<OperationProgress>();
            var progress = new SynchronousProgress(report => { lock (reports) { reports.Add(report); } });

            ImageInfo copy = await new ImageCopier(source, destination).CopyAsync(Request(original.ImageId, "copied-progress", throttle: 1), progress, CancellationToken.None);

            BundleManifest manifest = ManifestReader.Read(await ReadAsync(destination, ManifestLocation.Parse(copy.ImageLocation!)), "copy").Manifest;
            List<OperationProgress> whole = reports.Where(r => r.Id == 0).ToList();
            Assert.All(whole, r => Assert.Equal(manifest.BundledSize, r.BytesTotal));
            Assert.All(whole, r => Assert.NotNull(r.Elapsed));
            // Bytes grow part by part (one at a time here) up to the bundle's size: what the cmdlet's rate and time left are computed from.
            Assert.Equal(whole.Select(r => r.BytesDone).OrderBy(b => b), whole.Select(r => r.BytesDone));
            Assert.True(whole.Select(r => r.BytesDone).Distinct().Count() >= manifest.Parts.Count);
            Assert.Equal(manifest.BundledSize, whole[^1].BytesDone);
            Assert.Equal($"{manifest.Parts.Count} of {manifest.Parts.Count} parts done", whole[^1].CurrentOperation);
            Assert.Equal(manifest.Parts.Count, reports.Count(r => r.ParentId == 0 && r.Completed));
        }

        [Fact]
        public async Task AFailureAfterRegisteringDeregistersTheCopyAndRemovesItsManifestButKeepsThePartsForResume()
        {
            using CloudConnection source = _clouds.Source();
            using CloudConnection destination = _clouds.Destination();
            ImageInfo original = await RegisterSourceAsync(source, "copy-untagged", null, null);
            ImageCopyRequest request = Request(original.ImageId, "copied-untagged");
            // Refused by the tag rules only after the copy is registered: the registration is what must be undone.
            request.Tags = new Dictionary<string, string> { ["aws:reserved"] = "x" };

            var error = await Assert.ThrowsAsync<EucaException>(() => new ImageCopier(source, destination).CopyAsync(request, null, CancellationToken.None));

            Assert.Equal("TagInvalid", error.ErrorId);
            await AssertNothingAtDestinationAsync(destination, "copied-untagged/copy-untagged.img.manifest.xml");
            IReadOnlyList<StoredObject> parts = await ObjectStore.For(destination, null).ListAsync("copied-untagged", "copy-untagged.img.part.", CancellationToken.None);
            Assert.Equal(request.Target.Journal.StoredKeys.Count, parts.Count);
            Assert.Contains($"{parts.Count} verified part(s)", error.Message);
        }

        private ImageCopyRequest Request(string imageId, string bucket, int throttle = 4) =>
            new ImageCopyRequest(imageId, new BundleUploadTarget(bucket) { ThrottleLimit = throttle, Retry = new RetryPolicy(seed: 1) { MaxAttempts = 2, Delay = (_, _) => Task.CompletedTask } },
                LocalCloudKeys.UserKey(), LocalCloudKeys.SecondCloudCertificate());

        /// <summary>A signed bundle of about ten 64 KiB parts, uploaded to the source and registered there.</summary>
        private async Task<ImageInfo> RegisterSourceAsync(CloudConnection source, string name, string? kernelId, string? ramdiskId)
        {
            string image = StorageTestBundle.Image(_temp, name + ".img", 600_000, name.Length);
            var properties = new BundleImageProperties { Architecture = "x86_64", AccountId = "123456789012", KernelId = kernelId, RamdiskId = ramdiskId };
            var create = new BundleCreateRequest(image, properties, LocalCloudKeys.CloudCertificate())
            {
                UserCertificate = _userCert,
                SigningKey = LocalCloudKeys.UserKey(),
                Destination = _temp.File("bundle-" + name),
                PartSize = StorageTestBundle.PartSize,
            };
            BundleInfo bundle = await BundleCreator.CreateAsync(create, null, CancellationToken.None);
            BundleUpload upload = await BundleUploader.SendAsync(source, new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget("source-" + name)), null, CancellationToken.None);
            ImageRegistrationPlan plan = ImageRegistrationRules.Check(new ImageRegistrationRequest
            {
                Name = name,
                ImageLocation = upload.ManifestLocation,
                Architecture = "x86_64",
                Description = "the source of " + name,
                KernelId = kernelId,
                RamdiskId = ramdiskId,
                VirtualizationType = kernelId == null ? VirtualizationKind.Hvm : VirtualizationKind.Paravirtual,
            });
            return await new ImageRegistration(source).RegisterAsync(plan, CancellationToken.None);
        }

        /// <summary>The same copy again with -Resume, through a proxy that counts the part PUTs: only the parts not yet stored are sent.</summary>
        private async Task AssertResumingSendsOnlyTheMissingPartsAsync(CloudConnection source, ImageInfo original, string bucket, int storedBefore, string imageFile)
        {
            using CloudConnection destination = _clouds.Destination();
            using var clean = new FaultProxy(_clouds.DestinationStore.Port, (_, _, _) => Fault.None);
            using CloudConnection again = _clouds.Destination(clean.Url);
            ImageCopyRequest resumed = Request(original.ImageId, bucket);
            resumed.Resume = true;
            ImageInfo copy = await new ImageCopier(source, again).CopyAsync(resumed, null, CancellationToken.None);

            int partCount = ManifestReader.Read(await ReadAsync(destination, ManifestLocation.Parse(copy.ImageLocation!)), "copy").Manifest.Parts.Count;
            Assert.Equal(partCount - storedBefore, clean.Requests.Count(r => r.Method == "PUT" && r.Path.Contains(".part.", StringComparison.Ordinal)));
            await AssertExpandsToAsync(destination, copy, LocalCloudKeys.UserKey(), imageFile);
        }

        /// <summary>The copy, downloaded and expanded with <paramref name="key"/> (its signature checked), is the source image file.</summary>
        private async Task AssertExpandsToAsync(CloudConnection destination, ImageInfo copy, RSA key, string imageFile)
        {
            ExpandedImage expanded = await StoredBundleExpander.ExpandAsync(destination,
                new StoredBundleExpandRequest(copy.ImageLocation!, _temp.File("expanded-" + imageFile), key) { Signer = _userCert }, null, CancellationToken.None);
            Assert.Equal(File.ReadAllBytes(_temp.File(imageFile)), File.ReadAllBytes(expanded.Path));
        }

        private static Task<byte[]> ReadAsync(CloudConnection connection, ManifestLocation location) =>
            ObjectStore.For(connection, null).GetAsync(location.Bucket, location.Key, async (body, _, ct) =>
            {
                using var buffer = new MemoryStream();
                await body.CopyToAsync(buffer, 81920, ct);
                return buffer.ToArray();
            }, CancellationToken.None);

        private static Task PutAsync(CloudConnection connection, string bucket, string key, byte[] content)
        {
            string md5 = HexEncoding.ToLowerHex(MD5.HashData(content));
            return ObjectStore.For(connection, null).PutAsync(bucket, key, () => new MemoryStream(content), md5, BundleAcl.AwsExecRead, null, CancellationToken.None);
        }

        private static async Task AssertNothingAtDestinationAsync(CloudConnection destination, string manifestLocation)
        {
            ManifestLocation location = ManifestLocation.Parse(manifestLocation);
            Assert.Null(await ObjectStore.For(destination, null).HeadAsync(location.Bucket, location.Key, CancellationToken.None));
            ResourceListing<ImageInfo> images = await new ImageService(destination).GetImagesAsync(new ImageQuery(), CancellationToken.None);
            Assert.DoesNotContain(images.Items, i => i.ImageLocation == manifestLocation);
        }
    }
}
