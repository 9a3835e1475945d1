using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Instances
{
    /// <summary>
    /// Bundle tasks: BundleInstance (an instance-store instance to a bundle in object storage, with the upload
    /// policy signed here by the connection's secret key), DescribeBundleTasks, waiting, and CancelBundleTask.
    /// </summary>
    public sealed class InstanceBundler
    {
        // Eucalyptus VmControl.validBucketName, which it applies to the prefix as well.
        private static readonly Regex StorageName = new Regex(@"^[a-zA-Z\d.\-_]{3,255}$", RegexOptions.CultureInvariant);

        private readonly CloudConnection _connection;
        private readonly Func<DateTime> _utcNow;

        public InstanceBundler(CloudConnection connection)
            : this(connection, () => DateTime.UtcNow)
        {
        }

        /// <summary>With a clock, so tests can pin the policy's expiration.</summary>
        internal InstanceBundler(CloudConnection connection, Func<DateTime> utcNow)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _utcNow = utcNow ?? throw new ArgumentNullException(nameof(utcNow));
        }

        /// <summary>How often waiting asks the cloud; tests shorten it.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>
        /// Starts bundling a running instance-store instance. An EBS-backed instance fails with
        /// <c>InstanceIsEbsBacked</c> (use CreateImage), a stopped one with <c>InstanceNotRunning</c>.
        /// </summary>
        public async Task<BundleTaskInfo> BundleInstanceAsync(InstanceBundleRequest request, CancellationToken cancellationToken)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            CheckStorageName(request.Bucket, "bucket", ErrorIds.BundleBucketInvalid);
            CheckStorageName(request.Prefix, "prefix", ErrorIds.BundlePrefixInvalid);
            if (request.PolicyLifetime <= TimeSpan.Zero)
            {
                throw new EucaException(
                    ErrorIds.UploadPolicyLifetimeInvalid, EucaErrorCategory.InvalidArgument, "The upload policy must stay valid for a positive time.", request.PolicyLifetime);
            }

            InstanceInfo instance = await new InstanceService(_connection).GetInstanceAsync(request.InstanceId, cancellationToken).ConfigureAwait(false);
            CheckInstance(instance);

            DateTime expires = TruncateToSeconds(_utcNow().ToUniversalTime() + request.PolicyLifetime);
            BundleUploadPolicy policy = BundleUploadPolicy.Create(request.Bucket, request.Prefix, expires, _connection.Settings.SecretKey!);
            var bundleRequest = new BundleInstanceRequest
            {
                InstanceId = instance.InstanceId,
                Storage = new Amazon.EC2.Model.Storage
                {
                    S3 = new S3Storage
                    {
                        Bucket = request.Bucket,
                        Prefix = request.Prefix,
                        AWSAccessKeyId = _connection.Settings.AccessKey,
                        // A blob in the API model: the SDK base64-encodes these bytes, which puts the policy on the
                        // wire exactly as euca2ools sends it.
                        UploadPolicy = new MemoryStream(Encoding.UTF8.GetBytes(policy.Json)),
                        UploadPolicySignature = policy.Signature,
                    },
                },
            };
            var response = await _connection.CallComputeAsync((ec2, ct) => ec2.BundleInstanceAsync(bundleRequest, ct), bundleRequest.InstanceId, cancellationToken).ConfigureAwait(false);
            return BundleTaskMapper.From(response.BundleTask);
        }

        /// <summary>
        /// Describes bundle tasks: the given ones, or all of yours. A malformed id (<c>BundleIdInvalid</c>) or an unknown
        /// one (<c>BundleTaskNotFound</c>) is an error in the listing; the other tasks are still listed.
        /// </summary>
        public Task<ResourceListing<BundleTaskInfo>> GetBundleTasksAsync(IReadOnlyList<string>? bundleIds, CancellationToken cancellationToken)
        {
            var lister = new ResourceLister<BundleTaskInfo>(BundleTaskResource.Kind, t => t.BundleId, async (ids, narrowed, token) =>
            {
                var request = new DescribeBundleTasksRequest { BundleIds = ids?.ToList() };
                var response = await _connection.CallComputeAsync((ec2, ct) => ec2.DescribeBundleTasksAsync(request, ct), ComputeTarget.Of(request.BundleIds), token).ConfigureAwait(false);
                return (response.BundleTasks ?? new List<BundleTask>()).Select(BundleTaskMapper.From);
            });
            return lister.ListAsync(bundleIds, narrowed: false, cancellationToken);
        }

        /// <summary>
        /// Waits until the task is complete and returns it, reporting the cloud's progress percentage. A failed task
        /// throws <c>BundleTaskFailed</c> with the cloud's message; waiting longer than <paramref name="timeout"/>
        /// throws <c>BundleTaskTimeout</c> (the task goes on in the cloud).
        /// </summary>
        public async Task<BundleTaskInfo> WaitForBundleTaskAsync(string bundleId, TimeSpan timeout, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.BundleTask(bundleId);
            BundleTaskInfo task = await TaskPoller.PollAsync(
                async token => (await GetBundleTasksAsync(new[] { id }, token).ConfigureAwait(false)).Single(),
                t => t.IsFinished,
                t => progress?.Report(new OperationProgress(
                    $"Waiting for bundle task {id}", t.Progress ?? 0, 100, t.State, statusDescription: $"{t.State} {t.Progress ?? 0}%")),
                timeout,
                PollInterval,
                t => new EucaException(
                    ErrorIds.BundleTaskTimeout,
                    EucaErrorCategory.OperationTimeout,
                    $"Bundle task {id} is still {t.State} after {timeout}; it goes on in the cloud. Wait again or stop it with Stop-EucaBundleTask.",
                    id),
                cancellationToken).ConfigureAwait(false);

            if (task.State == BundleTaskStates.Failed)
            {
                throw new EucaException(
                    ErrorIds.BundleTaskFailed,
                    EucaErrorCategory.InvalidOperation,
                    $"Bundle task {id} of instance {task.InstanceId} failed: {task.ErrorCode} {task.ErrorMessage}".TrimEnd(),
                    id);
            }

            return task;
        }

        /// <summary>Cancels a task that has not finished; the cloud answers with the task, normally <c>cancelling</c>.</summary>
        public async Task<BundleTaskInfo> CancelBundleTaskAsync(string bundleId, CancellationToken cancellationToken)
        {
            string id = BundleTaskResource.Kind.Canonicalize(bundleId);
            var request = new CancelBundleTaskRequest { BundleId = id };
            var response = await BundleTaskResource.Kind.CallForIdAsync(
                _connection, id, (ec2, ct) => ec2.CancelBundleTaskAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return BundleTaskMapper.From(response.BundleTask);
        }

        private static void CheckStorageName(string? value, string what, ErrorId errorId)
        {
            if (value == null || !StorageName.IsMatch(value))
            {
                throw new EucaException(
                    errorId,
                    EucaErrorCategory.InvalidArgument,
                    $"'{value}' is not a valid bundle {what} for Eucalyptus: use 3 to 255 letters, digits, '.', '-' or '_'.",
                    value);
            }
        }

        private static void CheckInstance(InstanceInfo instance)
        {
            if (instance.RootDeviceType == RootDeviceKind.Ebs)
            {
                throw new EucaException(
                    ErrorIds.InstanceIsEbsBacked,
                    EucaErrorCategory.InvalidOperation,
                    $"Instance {instance.InstanceId} boots from an EBS volume; bundling is for instance-store instances. Create its image with New-EucaImage.",
                    instance.InstanceId);
            }

            if (instance.State != "running")
            {
                throw new EucaException(
                    ErrorIds.InstanceNotRunning,
                    EucaErrorCategory.InvalidOperation,
                    $"Instance {instance.InstanceId} is {instance.State}; only a running instance can be bundled.",
                    instance.InstanceId);
            }
        }

        private static DateTime TruncateToSeconds(DateTime time) =>
            new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
