using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// What the copies between two clouds share: the source and destination connections, the one source image they
    /// start from, and a failure told with the stage it happened in and what the copy left behind.
    /// </summary>
    public abstract class CrossCloudImageCopier
    {
        private protected CrossCloudImageCopier(CloudConnection source, CloudConnection destination)
        {
            Source = source ?? throw new ArgumentNullException(nameof(source));
            Destination = destination ?? throw new ArgumentNullException(nameof(destination));
        }

        private protected CloudConnection Source { get; }

        private protected CloudConnection Destination { get; }

        private protected async Task<ImageInfo> DescribeSourceAsync(string imageId, CancellationToken ct) =>
            (await new ImageService(Source).GetImagesAsync(new ImageQuery { ImageIds = new[] { imageId } }, ct).ConfigureAwait(false)).Single();

        private protected static EucaException Failed(string sourceImageId, string stage, EucaException failure, string leftovers) =>
            new EucaException(failure, $"Copying image {sourceImageId} failed while {stage}: {failure.Message} {leftovers}".TrimEnd());
    }
}
