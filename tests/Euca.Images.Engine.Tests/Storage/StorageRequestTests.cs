using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Storage
{
    /// <summary>
    /// Each storage request refuses a missing or invalid value when it is created, with its own error id: a request
    /// that cannot be created cannot reach object storage.
    /// </summary>
    public sealed class StorageRequestTests
    {
        private const string Location = "images/p/disk.img.manifest.xml";

        private static BundleUploadTarget Target() => new BundleUploadTarget("images");

        private static BundleCreateRequest Bundle(string? prefix = null)
        {
            BundleCreateRequest request = StorageTestBundle.Request("/nowhere/disk.img", null);
            request.Prefix = prefix;
            return request;
        }

        public static IEnumerable<object[]> Refusals() => new[]
        {
            Case("StorageBucketMissing", () => new BundleUploadTarget(" ")),
            Case("ManifestPathMissing", () => new BundleSendRequest("", Target())),
            Case("StorageTargetMissing", () => new BundleSendRequest("disk.img.manifest.xml", null!)),
            Case("StorageAclInvalid", () => new BundleSendRequest("disk.img.manifest.xml", new BundleUploadTarget("images") { Acl = "private" })),
            Case("ThrottleLimitInvalid", () => new BundleSendRequest("disk.img.manifest.xml", new BundleUploadTarget("images") { ThrottleLimit = 0 })),
            Case("BundleRequestMissing", () => new BundleCreateAndSendRequest(null!, Target())),
            Case("StorageTargetMissing", () => new BundleCreateAndSendRequest(Bundle(), null!)),
            Case("StorageAclInvalid", () => new BundleCreateAndSendRequest(Bundle(), new BundleUploadTarget("images") { Acl = "private" })),
            Case("PendingPartsInvalid", () => new BundleCreateAndSendRequest(Bundle(), Target(), maxPendingParts: 0)),
            Case("BundlePrefixInvalid", () => new BundleCreateAndSendRequest(Bundle("a/b"), Target())),
            Case("ManifestLocationInvalid", () => new BundleSaveRequest("images", "out")),
            Case("DestinationMissing", () => new BundleSaveRequest(Location, "")),
            Case("ThrottleLimitInvalid", () => new BundleSaveRequest(Location, "out", throttleLimit: 0)),
            Case("ManifestLocationInvalid", () => new StoredBundleExpandRequest("images/disk.img", "out", RSA.Create())),
            Case("DestinationMissing", () => new StoredBundleExpandRequest(Location, " ", RSA.Create())),
            Case("PrivateKeyMissing", () => new StoredBundleExpandRequest(Location, "out", null!)),
            Case("ManifestLocationInvalid", () => new BundleRemoveRequest("/disk.img.manifest.xml")),
        };

        [Theory]
        [MemberData(nameof(Refusals))]
        public void AMissingOrInvalidValueIsRefusedWithItsErrorId(string errorId, Func<object> create)
        {
            var error = Assert.Throws<EucaException>(create);

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(EucaErrorCategory.InvalidArgument, error.Category);
        }

        [Fact]
        public void AValidRequestCarriesTheParsedLocationAndTheDefaultRetries()
        {
            var remove = new BundleRemoveRequest(Location, removeBucket: true);
            var send = new BundleCreateAndSendRequest(Bundle(), new BundleUploadTarget("images") { KeyPrefix = "2026/" });

            Assert.Equal("p/", remove.Location.KeyPrefix);
            Assert.True(remove.RemoveBucket);
            Assert.Equal(new RetryPolicy().MaxAttempts, remove.Retry.MaxAttempts);
            Assert.Equal("images/2026/disk.img.manifest.xml", send.Location.ToString());
            Assert.Equal(BundleStreamUploader.DefaultMaxPendingParts, send.MaxPendingParts);
        }

        private static object[] Case(string errorId, Func<object> create) => new object[] { errorId, create };
    }
}
