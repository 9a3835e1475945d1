using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Unbundles straight from object storage into an image file (euca-download-and-unbundle): the
    /// <see cref="StoredBundle"/> stream, written to a temporary file that becomes the image only when every check passed.
    /// </summary>
    public static class StoredBundleExpander
    {
        public static async Task<ExpandedImage> ExpandAsync(CloudConnection connection, StoredBundleExpandRequest request,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            StoredBundle bundle = await StoredBundle.OpenAsync(connection, request.Location, request.PrivateKey, request.Signer, request.Retry, ct).ConfigureAwait(false);
            string outputPath = LocalBundle.OutputPathFor(bundle.Manifest, request.Destination);
            using (ImageFileWriter output = ImageFileWriter.Create(outputPath, request.Force))
            {
                PayloadReadResult result = await bundle.ExpandIntoAsync(output.Stream, progress, ct).ConfigureAwait(false);
                output.Commit();
                return new ExpandedImage(output.Path, result.ImageSize, result.ImageDigestSha1, bundle.KeySource, bundle.Location.ToString());
            }
        }
    }
}
