using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Images.Lifecycle
{
    /// <summary>The states <see cref="ImageWaiter"/> can wait for.</summary>
    public enum ImageWaitState
    {
        Available,
        Pending,
        Failed,

        /// <summary>Gone from the normal DescribeImages view (deregistered images are hidden there).</summary>
        Deregistered,
    }

    /// <summary>Polls DescribeImages until an image reaches a state.</summary>
    public sealed class ImageWaiter
    {
        private readonly CloudConnection _connection;

        public ImageWaiter(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>
        /// Waits until the image is in <paramref name="state"/> and returns it (null for <see cref="ImageWaitState.Deregistered"/>,
        /// when the normal view no longer lists it). Waiting for <c>available</c> fails at once with <c>ImageFailed</c>
        /// when the image fails; <c>ImageWaitTimeout</c> names the image and the state it was last seen in; an image that
        /// disappears while waiting for another state fails with <c>ImageNotFound</c>.
        /// </summary>
        public async Task<ImageInfo?> WaitAsync(string imageId, ImageWaitState state, TimeSpan timeout, TimeSpan pollInterval, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.Image(imageId);
            string wanted = state.ToString().ToLowerInvariant();
            string activity = $"Waiting for {id} to be {wanted}";
            var clock = Stopwatch.StartNew();
            string lastState = "(not yet described)";
            while (true)
            {
                ImageInfo? image = await ImageLookup.FindAsync(_connection, id, verbose: false, cancellationToken).ConfigureAwait(false);
                if (image == null)
                {
                    if (state == ImageWaitState.Deregistered)
                    {
                        return null;
                    }

                    throw new EucaException(
                        ErrorIds.ImageNotFound,
                        EucaErrorCategory.ObjectNotFound,
                        $"Image {id} is not listed by the cloud (last state {lastState}) while waiting for it to be {wanted}.",
                        id);
                }

                lastState = image.State ?? "(none)";
                if (string.Equals(lastState, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return image;
                }

                if (state == ImageWaitState.Available && lastState == "failed")
                {
                    throw new EucaException(ErrorIds.ImageFailed, EucaErrorCategory.InvalidOperation, $"Image {id} failed while waiting for it to become available.", id);
                }

                if (clock.Elapsed >= timeout)
                {
                    throw new EucaException(
                        ErrorIds.ImageWaitTimeout,
                        EucaErrorCategory.OperationTimeout,
                        $"Image {id} was still {lastState} after {timeout.TotalSeconds:0} s of waiting for it to be {wanted}.",
                        id);
                }

                progress?.Report(WaitProgress.Create(activity, clock.Elapsed, timeout, $"{id} is {lastState}"));
                TimeSpan left = timeout - clock.Elapsed;
                await Task.Delay(left < pollInterval ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : pollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
