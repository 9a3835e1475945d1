using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>The SDK's EC2 client with the pipeline step that sends Eucalyptus-only query parameters.</summary>
    internal sealed class EucalyptusEc2Client : AmazonEC2Client
    {
        public EucalyptusEc2Client(AWSCredentials credentials, AmazonEC2Config config)
            : base(credentials, config)
        {
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            pipeline.AddHandlerAfter<Marshaller>(new ExtraQueryParameters.Handler());
            // Inside the unmarshaller, so it sees the unmarshalled answer before the SDK's retry and error handlers.
            pipeline.AddHandlerBefore<Unmarshaller>(new ComputeAnswerCheck());
        }
    }
}
