using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Tests.Storage
{
    public sealed class PendingPartBuffersTests
    {
        [Fact]
        public async Task A_rent_beyond_the_limit_waits_until_a_buffer_comes_back_and_gets_that_buffer()
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
        public async Task A_waiting_rent_ends_when_cancelled()
        {
            using var buffers = new PendingPartBuffers(1, 16);
            await buffers.RentAsync(CancellationToken.None);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => buffers.RentAsync(cancel.Token));
        }

        [Fact]
        public void At_least_one_buffer_is_required()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new PendingPartBuffers(0, 16));
        }
    }
}
