using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// The one way the storage layer makes an object-storage call: a failure becomes this site's
    /// <see cref="Errors.EucaException"/> (its error id, the bucket and key it names, its advice, through
    /// <see cref="StorageErrors"/>), while a cancellation the caller asked for stays a cancellation, so Ctrl+C is never
    /// reported as a timed-out request. Retries happen inside the call (<see cref="ObjectStore"/>), so only the last
    /// failure gets here.
    /// </summary>
    internal sealed class StorageCall
    {
        private readonly string _action;
        private readonly string _bucket;
        private readonly string? _key;
        private readonly ErrorId _failureId;
        private readonly string? _advice;

        /// <param name="action">What is being done, for example "Uploading part disk.img.part.03".</param>
        /// <param name="bucket">The bucket the call is about.</param>
        /// <param name="key">The object the call is about; null for a call about the bucket itself.</param>
        /// <param name="failureId">The error id for failures that are not about access or a missing bucket.</param>
        /// <param name="advice">How to resume or clean up; appended to the message.</param>
        public StorageCall(string action, string bucket, string? key, ErrorId failureId, string? advice = null)
        {
            _action = action;
            _bucket = bucket;
            _key = key;
            _failureId = failureId;
            _advice = advice;
        }

        public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
        {
            try
            {
                return await call(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
            {
                throw StorageErrors.Translate(e, _action, _bucket, _key, _failureId, _advice);
            }
        }

        public Task RunAsync(Func<CancellationToken, Task> call, CancellationToken ct) =>
            RunAsync(async token =>
            {
                await call(token).ConfigureAwait(false);
                return true;
            }, ct);
    }
}
