using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Tests.Storage
{
    public class RetryPolicyTests
    {
        [Fact]
        public void BackoffDoublesWithJitterAndIsCapped()
        {
            var policy = new RetryPolicy(seed: 3) { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(1500) };
            var seen = new HashSet<double>();
            for (int attempt = 1; attempt <= 4; attempt++)
            {
                for (int i = 0; i < 50; i++)
                {
                    double ms = policy.BackoffFor(attempt).TotalMilliseconds;
                    double low = 100 * Math.Pow(2, attempt - 1);
                    Assert.InRange(ms, low, Math.Min(1500, 2 * low));
                    seen.Add(ms);
                }
            }

            Assert.True(seen.Count > 100, "the delays must be jittered, not fixed");
            Assert.Equal(1500, policy.BackoffFor(10).TotalMilliseconds);
        }

        [Fact]
        public async Task RetriesTransportFailuresUntilSuccessWithInjectedDelays()
        {
            var delays = new List<TimeSpan>();
            var policy = new RetryPolicy { MaxAttempts = 4, Delay = (d, _) => { delays.Add(d); return Task.CompletedTask; } };
            int calls = 0;
            int result = await policy.RunAsync(_ => ++calls < 3 ? throw new IOException("connection reset") : Task.FromResult(calls), null, CancellationToken.None);
            Assert.Equal(3, result);
            Assert.Equal(2, delays.Count);
        }

        [Fact]
        public async Task GivesUpAfterTheLastAttemptAndNeverRetriesEngineErrors()
        {
            var policy = new RetryPolicy { MaxAttempts = 3, Delay = (_, _) => Task.CompletedTask };
            int calls = 0;
            await Assert.ThrowsAsync<IOException>(() => policy.RunAsync<int>(_ => { calls++; throw new IOException("down"); }, null, CancellationToken.None));
            Assert.Equal(3, calls);

            calls = 0;
            await Assert.ThrowsAsync<EucaException>(() => policy.RunAsync<int>(_ =>
            {
                calls++;
                throw new EucaException(ErrorIds.StoragePartCorrupt, EucaErrorCategory.InvalidData, "bad");
            }, null, CancellationToken.None));
            Assert.Equal(1, calls);
        }

        [Theory]
        [InlineData(500, true)]
        [InlineData(503, true)]
        [InlineData(408, true)]
        [InlineData(429, true)]
        [InlineData(400, false)]
        [InlineData(403, false)]
        [InlineData(404, false)]
        [InlineData(409, false)]
        public void RetriesOnlyServerFailuresTimeoutsAndThrottling(int status, bool retried) =>
            Assert.Equal(retried, RetryPolicy.IsRetryableStatus(status));
    }
}
