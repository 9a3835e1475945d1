using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Migration
{
    /// <summary>
    /// Tells an AWS cloud from a Eucalyptus one. An endpoint under amazonaws.com is AWS; any other endpoint is asked
    /// DescribeExportImageTasks without filters: AWS (or a cloud answering as it does) lists its tasks, or refuses the
    /// caller with UnauthorizedOperation; Eucalyptus 4.4 and 5 have no such action and refuse the request itself
    /// (InvalidAction, or a binding error). Authentication and connection failures are not answers and propagate.
    /// </summary>
    public static class CloudFamilyProbe
    {
        public static async Task<CloudFamily> DetectAsync(CloudConnection connection, CancellationToken cancellationToken)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            string host = connection.ComputeUrl?.Host ?? string.Empty;
            if (host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase))
            {
                return CloudFamily.Aws;
            }

            try
            {
                await connection.CallComputeAsync((ec2, ct) => ec2.DescribeExportImageTasksAsync(new DescribeExportImageTasksRequest(), ct), null, cancellationToken)
                    .ConfigureAwait(false);
                return CloudFamily.Aws;
            }
            catch (EucaException e) when (e.ErrorId.StartsWith(ErrorIds.CloudFamilyPrefix, StringComparison.Ordinal))
            {
                return e.Is(ErrorIds.CloudService("UnauthorizedOperation")) ? CloudFamily.Aws : CloudFamily.Eucalyptus;
            }
        }
    }
}
