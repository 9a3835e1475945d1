using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal.Transform;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Feeds an HTTP 200 answer body to the SDK's EC2 unmarshaller and then to our check of it, translating failures
    /// as CloudConnection.CallComputeAsync does: the same steps a real answer takes, without a socket per input, so
    /// thousands of fuzzed answers take seconds.
    /// </summary>
    internal static class Ec2AnswerFeed
    {
        public static readonly Uri Endpoint = new Uri("http://127.0.0.1:8773/services/compute");

        public static T Read<T>(byte[] body, XmlResponseUnmarshaller unmarshaller)
            where T : AmazonWebServiceResponse
        {
            try
            {
                // The unmarshaller makes its own context (EC2's reads the requestId as it goes), as the SDK's pipeline does.
                UnmarshallerContext context = unmarshaller.CreateContext(new ResponseData(body), false, new MemoryStream(body, false), new Amazon.Runtime.Internal.Util.RequestMetrics(), false);
                var response = (T)unmarshaller.UnmarshallResponse(context);
                ComputeAnswerCheck.Check(response, Endpoint.ToString());
                return response;
            }
            catch (Exception e)
            {
                throw CloudErrorTranslator.Translate(e, Endpoint, null);
            }
        }

        /// <summary>An HTTP 200 text/xml answer with no headers of note.</summary>
        private sealed class ResponseData : IWebResponseData, IHttpResponseBody
        {
            private readonly byte[] _body;

            public ResponseData(byte[] body)
            {
                _body = body;
            }

            public long ContentLength => _body.Length;

            public string ContentType => "text/xml;charset=UTF-8";

            public HttpStatusCode StatusCode => HttpStatusCode.OK;

            public bool IsSuccessStatusCode => true;

            public IHttpResponseBody ResponseBody => this;

            public string[] GetHeaderNames() => Array.Empty<string>();

            public bool IsHeaderPresent(string headerName) => false;

            public string GetHeaderValue(string headerName) => null!;

            public IEventStreamHeader GetEventStreamHeader(string headerName) => null!;

            public bool IsEventHeaderPresent(string headerName) => false;

            public Stream OpenResponse() => new MemoryStream(_body, false);

            public Task<Stream> OpenResponseAsync() => Task.FromResult(OpenResponse());

            public void Dispose()
            {
            }
        }
    }
}
