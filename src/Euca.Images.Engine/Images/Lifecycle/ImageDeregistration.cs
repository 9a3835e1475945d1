using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Images.Lifecycle
{
    /// <summary>
    /// DeregisterImage, including Eucalyptus' two phases: the first call marks an image <c>deregistered</c> (hidden
    /// from DescribeImages), a second call on a deregistered or failed image deletes it.
    /// </summary>
    public sealed class ImageDeregistration
    {
        private readonly CloudConnection _connection;

        public ImageDeregistration(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>How often <see cref="PurgeAsync"/> looks again; tests shorten it.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>One DeregisterImage call (the first phase, or the deletion of a deregistered or failed image); <c>ImageNotFound</c> when the cloud has no such image.</summary>
        public Task DeregisterAsync(string imageId, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.Image(imageId);
            return ImageResource.Kind.CallForIdAsync(_connection, id, (ec2, ct) => ec2.DeregisterImageAsync(new DeregisterImageRequest { ImageId = id }, ct), cancellationToken);
        }

        /// <summary>
        /// Deregisters and deletes the image, then waits until DescribeImages no longer finds it, in the administrators'
        /// <c>verbose</c> view too when the caller may use it. Fails with <c>ImagePurgeTimeout</c> after <paramref name="timeout"/>.
        /// </summary>
        public async Task PurgeAsync(string imageId, TimeSpan timeout, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.Image(imageId);
            string activity = $"Purging image {id}";
            var clock = Stopwatch.StartNew();
            Report(progress, activity, clock, timeout, "deregistering");
            await DeregisterAsync(id, cancellationToken).ConfigureAwait(false);

            bool admin = await ImageLookup.CanSeeAllStatesAsync(_connection, cancellationToken).ConfigureAwait(false);
            Report(progress, activity, clock, timeout, "deleting");
            await DeleteIfStillThereAsync(id, cancellationToken).ConfigureAwait(false);

            while (true)
            {
                ImageInfo? visible = await ImageLookup.FindAsync(_connection, id, verbose: false, cancellationToken).ConfigureAwait(false);
                ImageInfo? hidden = admin && visible == null
                    ? await ImageLookup.FindAsync(_connection, id, verbose: true, cancellationToken).ConfigureAwait(false)
                    : null;
                ImageInfo? remaining = visible ?? hidden;
                if (remaining == null)
                {
                    return;
                }

                if (clock.Elapsed >= timeout)
                {
                    throw new EucaException(
                        ErrorIds.ImagePurgeTimeout,
                        EucaErrorCategory.OperationTimeout,
                        $"Image {id} was still listed (state {remaining.State}) {timeout.TotalSeconds:0} s after it was deregistered.",
                        id);
                }

                Report(progress, activity, clock, timeout, $"waiting: still listed as {remaining.State}");
                if (remaining.State == "deregistered" || remaining.State == "failed")
                {
                    await DeleteIfStillThereAsync(id, cancellationToken).ConfigureAwait(false);
                }

                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        // The second phase. The image may already be gone (the cloud's cleanup, or another client): that is the goal.
        private async Task DeleteIfStillThereAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                await DeregisterAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (EucaException e) when (e.Is(ImageLookup.CloudImageNotFound))
            {
            }
        }

        private static void Report(IProgress<OperationProgress>? progress, string activity, Stopwatch clock, TimeSpan timeout, string status) =>
            progress?.Report(WaitProgress.Create(activity, clock.Elapsed, timeout, status));
    }
}
