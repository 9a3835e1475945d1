using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Engine.Images
{
    /// <summary>Looks up single images by id, in the normal view or, for administrators, the <c>verbose</c> view.</summary>
    internal static class ImageLookup
    {
        // Eucalyptus' pseudo image id: an administrator who passes it sees images in every state
        // (deregistered, pending_conversion, ...), which the normal view hides.
        internal const string VerbosePseudoId = "verbose";

        /// <summary>The image, or null when the cloud does not list it (InvalidAMIID.NotFound or an empty answer).</summary>
        public static async Task<ImageInfo?> FindAsync(CloudConnection connection, string imageId, bool verbose, CancellationToken cancellationToken)
        {
            var ids = verbose ? new List<string> { VerbosePseudoId, imageId } : new List<string> { imageId };
            var request = new DescribeImagesRequest { ImageIds = ids };
            try
            {
                var response = await connection.Ec2.DescribeImagesAsync(request, cancellationToken).ConfigureAwait(false);
                Image? image = (response.Images ?? new List<Image>()).FirstOrDefault(i => string.Equals(i.ImageId, imageId, StringComparison.OrdinalIgnoreCase));
                return image == null ? null : ImageInfoMapper.From(image);
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "InvalidAMIID.NotFound")
            {
                return null;
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw CloudErrorTranslator.Translate(e, connection.Settings.ComputeUrl!);
            }
        }

        /// <summary>
        /// Whether the caller may use the <c>verbose</c> view: Eucalyptus rejects the pseudo id from non-administrators
        /// as a malformed image id (any client error means no).
        /// </summary>
        public static async Task<bool> CanSeeAllStatesAsync(CloudConnection connection, CancellationToken cancellationToken)
        {
            var request = new DescribeImagesRequest { ImageIds = new List<string> { VerbosePseudoId }, Owners = new List<string> { "self" } };
            try
            {
                await connection.Ec2.DescribeImagesAsync(request, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (AmazonServiceException e) when ((int)e.StatusCode >= 400 && (int)e.StatusCode < 500)
            {
                return false;
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw CloudErrorTranslator.Translate(e, connection.Settings.ComputeUrl!);
            }
        }
    }
}
