using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Refuses a compute answer that is not an EC2 answer. The SDK's unmarshallers skip what they do not know, so an
    /// HTML page (a proxy's login page, a web server at the wrong path) sent with status 200 became an empty result:
    /// "no images". Every EC2 and Eucalyptus answer carries a requestId; one without it is not an answer.
    /// </summary>
    internal sealed class ComputeAnswerCheck : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            base.InvokeSync(executionContext);
            Check(executionContext);
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            T result = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            Check(executionContext);
            return result;
        }

        internal static void Check(IExecutionContext executionContext) => Check(executionContext.ResponseContext.Response, executionContext.RequestContext.Request?.Endpoint?.ToString());

        /// <summary>Throws <c>CloudAnswerInvalid</c> for a response that carries no request id.</summary>
        internal static void Check(AmazonWebServiceResponse? response, string? endpoint)
        {
            if (response != null && string.IsNullOrEmpty(response.ResponseMetadata?.RequestId))
            {
                throw new EucaException(ErrorIds.CloudAnswerInvalid, EucaErrorCategory.InvalidData,
                    $"The compute endpoint {endpoint} answered with something that is not an EC2 answer (HTTP {(int)response.HttpStatusCode}, no requestId): " +
                    "check that the URL points at the cloud's compute service and not at a web page or proxy.",
                    endpoint);
            }
        }
    }
}
