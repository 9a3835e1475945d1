using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// What the calls on one kind of cloud resource share about its ids: how an id is checked (a malformed one is
    /// refused before any request), the code the cloud refuses an unknown id with, and the error a caller sees for an
    /// unknown id, with the id as target rather than the endpoint. Each resource area defines its own kind.
    /// </summary>
    internal sealed class ResourceKind
    {
        private readonly Func<string?, string> _canonicalize;
        private readonly ErrorId _cloudNotFound;
        private readonly Func<string, EucaException?, EucaException> _notFound;

        /// <param name="canonicalize">Checks an id and returns it as the cloud spells it; throws for a malformed one.</param>
        /// <param name="notFoundCode">The service code the cloud refuses an unknown id with.</param>
        /// <param name="notFound">The error for an unknown id (the cloud's refusal, when there was one, as the cause).</param>
        public ResourceKind(Func<string?, string> canonicalize, string notFoundCode, Func<string, EucaException?, EucaException> notFound)
        {
            _canonicalize = canonicalize;
            _cloudNotFound = ErrorIds.CloudService(notFoundCode);
            _notFound = notFound;
        }

        /// <summary>The id as the cloud spells it; a malformed id throws its <c>...IdInvalid</c> error.</summary>
        public string Canonicalize(string? id) => _canonicalize(id);

        /// <summary>The error for an id the cloud does not have (or that belongs to another account).</summary>
        public EucaException NotFound(string id, EucaException? cloudRefusal = null) => _notFound(id, cloudRefusal);

        /// <summary>Whether the cloud refused a request because one of the ids it names is unknown.</summary>
        public bool IsNotFound(EucaException e) => e.Is(_cloudNotFound);

        /// <summary>
        /// Runs a compute call on one resource: the cloud's refusal of the unknown id becomes <see cref="NotFound"/>
        /// for <paramref name="id"/>; other failures are translated as every compute call's are.
        /// </summary>
        public async Task<T> CallForIdAsync<T>(CloudConnection connection, string id, Func<AmazonEC2Client, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            try
            {
                return await connection.CallComputeAsync(call, id, cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e) when (IsNotFound(e))
            {
                throw NotFound(id, e);
            }
        }

        /// <summary>The usual not-found error: ObjectNotFound, the id as target.</summary>
        public static EucaException NotFoundError(ErrorId errorId, string what, string id, Exception? cause) =>
            new EucaException(errorId, EucaErrorCategory.ObjectNotFound, $"The cloud has no {what} {id} that you can see.", id, cause);
    }
}
