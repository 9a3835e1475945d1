using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// Sends ImportInstance with <c>LaunchSpecification.KeyName</c>, which euca-import-instance sends and Eucalyptus
    /// honours but the SDK's launch specification no longer has: the parameter is added to the marshalled request
    /// before it is signed.
    /// </summary>
    internal static class ImportInstanceKeyName
    {
        public static Task<ImportInstanceResponse> SendAsync(IAmazonEC2 ec2, ImportInstanceRequest request, string? keyName, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(keyName))
            {
                ((IAmazonWebServiceRequest)request).AddBeforeRequestHandler((sender, e) =>
                {
                    if (e is WebServiceRequestEventArgs args)
                    {
                        args.ParameterCollection.Add("LaunchSpecification.KeyName", keyName!);
                    }
                });
            }

            return ec2.ImportInstanceAsync(request, cancellationToken);
        }
    }
}
