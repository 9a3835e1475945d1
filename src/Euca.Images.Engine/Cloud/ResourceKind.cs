using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Instances;
using Euca.Images.Engine.Volumes;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// What the calls on one kind of cloud resource share about its ids: how an id is checked (a malformed one is
    /// refused before any request), the code the cloud refuses an unknown id with, and the error a caller sees for an
    /// unknown id, with the id as target rather than the endpoint.
    /// </summary>
    internal sealed class ResourceKind
    {
        public static readonly ResourceKind Image = new ResourceKind(
            ImageIdPattern.Canonicalize, "InvalidAMIID.NotFound", id => NotFoundError("ImageNotFound", "image", id));

        public static readonly ResourceKind Snapshot = new ResourceKind(
            ResourceIdPattern.Snapshot, "InvalidSnapshot.NotFound", id => NotFoundError("SnapshotNotFound", "snapshot", id));

        public static readonly ResourceKind Volume = new ResourceKind(
            ResourceIdPattern.Volume, "InvalidVolume.NotFound", id => VolumeErrors.NotFound(id));

        public static readonly ResourceKind BundleTask = new ResourceKind(
            ResourceIdPattern.BundleTask, "InvalidBundleID.NotFound", id => NotFoundError("BundleTaskNotFound", "bundle task", id));

        // EC2 names the code without a .NotFound suffix for conversion tasks.
        public static readonly ResourceKind ConversionTask = new ResourceKind(
            ImportService.CheckTaskId, "InvalidConversionTaskId", id => NotFoundError("ConversionTaskNotFound", "conversion task", id));

        private readonly Func<string?, string> _canonicalize;
        private readonly string _notFoundCode;
        private readonly Func<string, EucaException> _notFound;

        private ResourceKind(Func<string?, string> canonicalize, string notFoundCode, Func<string, EucaException> notFound)
        {
            _canonicalize = canonicalize;
            _notFoundCode = notFoundCode;
            _notFound = notFound;
        }

        /// <summary>The id as the cloud spells it; a malformed id throws its <c>...IdInvalid</c> error.</summary>
        public string Canonicalize(string? id) => _canonicalize(id);

        /// <summary>The error for an id the cloud does not have (or that belongs to another account).</summary>
        public EucaException NotFound(string id) => _notFound(id);

        /// <summary>Whether the cloud refused a request because one of the ids it names is unknown.</summary>
        public bool IsNotFound(AmazonServiceException e) => e.ErrorCode == _notFoundCode;

        /// <summary>
        /// Runs a call on one resource: the cloud's refusal of the unknown id becomes <see cref="NotFound"/> for
        /// <paramref name="id"/>, other failures are translated as every cloud call's are.
        /// </summary>
        public async Task<T> RunForIdAsync<T>(CloudConnection connection, string id, Func<Task<T>> call, CancellationToken cancellationToken)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AmazonServiceException e) when (IsNotFound(e))
            {
                throw NotFound(id);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw CloudErrorTranslator.Translate(e, connection.Settings.ComputeUrl!);
            }
        }

        private static EucaException NotFoundError(string errorId, string what, string id) =>
            new EucaException(errorId, EucaErrorCategory.ObjectNotFound, $"The cloud has no {what} {id} that you can see.", id);
    }
}
