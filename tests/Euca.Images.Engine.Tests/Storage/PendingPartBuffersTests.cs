using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Tests.Storage
{
    public sealed class PendingPartBuffersTests
    {
        [Fact]
        public async Task ARentBeyondTheLimitWaitsUntilABufferComesBackAndGetsThatBuffer()
        {
            using var buffers = new PendingPartBuffers(2, 1024);
            byte[] first = await buffers.RentAsync(CancellationToken.None);
            byte[] second = await buffers.RentAsync(CancellationToken.None);

            Task<byte[]> third = buffers.RentAsync(CancellationToken.None);
            await Task.Delay(100);
            Assert.False(third.IsCompleted);

            buffers.Return(first);
            Assert.Same(first, await third.WaitAsync(TimeSpan.FromSeconds(5)));
            Assert.NotSame(first, second);
            Assert.Equal(1024, second.Length);
            Assert.Equal(2, buffers.MostInUse);
        }

        [Fact]
        public async Task AWaitingRentEndsWhenCancelled()
        {
            using var buffers = new PendingPartBuffers(1, 16);
            await buffers.RentAsync(CancellationToken.None);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => buffers.RentAsync(cancel.Token));
        }

        [Fact]
        public void AtLeastOneBufferIsRequired()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new PendingPartBuffers(0, 16));
        }
    }
}
