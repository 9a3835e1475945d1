using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Storage
{
    /// <summary>The storage layer's one way to call object storage, against s3rver behind the fault proxy.</summary>
    [Collection(S3rverCollection.Name)]
    public sealed class StorageCallTests
    {
        private readonly S3rverFixture _s3;

        public StorageCallTests(S3rverFixture s3)
        {
            _s3 = s3;
        }

        private static ObjectStore StoreFor(CloudConnection connection) =>
            ObjectStore.For(connection, new RetryPolicy(seed: 1) { MaxAttempts = 1 });

        [Fact]
        public async Task AFailingCallGetsTheSitesFailureIdTargetAndAdvice()
        {
            using var proxy = new FaultProxy(_s3.Port, (_, _, _) => Fault.Http(500));
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);
            ObjectStore store = StoreFor(connection);

            var onObject = await Assert.ThrowsAsync<EucaException>(() => new StorageCall("Deleting", "call-bucket", "images/a.part.0", ErrorIds.StorageDeleteFailed, "Try again.")
                .RunAsync(token => store.DeleteAsync("call-bucket", "images/a.part.0", token), CancellationToken.None));
            var onBucket = await Assert.ThrowsAsync<EucaException>(() => new StorageCall("Deleting the bucket", "call-bucket", null, ErrorIds.StorageBucketUnavailable)
                .RunAsync(token => store.DeleteBucketAsync("call-bucket", token), CancellationToken.None));

            Assert.Equal(ErrorIds.StorageDeleteFailed.Name, onObject.ErrorId);
            Assert.Equal("call-bucket/images/a.part.0", onObject.Target);
            Assert.Equal(EucaErrorCategory.ResourceUnavailable, onObject.Category);
            Assert.StartsWith("Deleting failed at 'call-bucket/images/a.part.0': HTTP 500", onObject.Message);
            Assert.EndsWith(" Try again.", onObject.Message);
            Assert.Equal(ErrorIds.StorageBucketUnavailable.Name, onBucket.ErrorId);
            Assert.Equal("call-bucket", onBucket.Target);
        }

        [Fact]
        public async Task ACallTheCallerCancelsStaysACancellation()
        {
            using var proxy = new FaultProxy(_s3.Port, (_, _, _) => new Fault(FaultKind.Stall));
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url);
            ObjectStore store = StoreFor(connection);
            using var cts = new CancellationTokenSource(200);

            Exception error = await Record.ExceptionAsync(() => new StorageCall("Deleting", "call-bucket", "stalled", ErrorIds.StorageDeleteFailed)
                .RunAsync(token => store.DeleteAsync("call-bucket", "stalled", token), cts.Token));

            Assert.IsAssignableFrom<OperationCanceledException>(error);
        }

        [Fact]
        public async Task ATimeoutTheCallerDidNotAskForIsTheSitesFailure()
        {
            using var proxy = new FaultProxy(_s3.Port, (_, _, _) => new Fault(FaultKind.Stall));
            using CloudConnection connection = S3rverFixture.Connect(proxy.Url, timeout: TimeSpan.FromMilliseconds(300));
            ObjectStore store = StoreFor(connection);

            var error = await Assert.ThrowsAsync<EucaException>(() => new StorageCall("Deleting", "call-bucket", "stalled", ErrorIds.StorageDeleteFailed)
                .RunAsync(token => store.DeleteAsync("call-bucket", "stalled", token), CancellationToken.None));

            Assert.Equal(ErrorIds.StorageDeleteFailed.Name, error.ErrorId);
            Assert.Equal(EucaErrorCategory.ConnectionError, error.Category);
            Assert.Contains("the request timed out", error.Message);
        }
    }
}
