using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Query parameters Eucalyptus accepts that the EC2 API (and so the SDK's request types) lack, such as
    /// RegisterImage's <c>Platform=windows</c>. A request carries them in its RequestState; <see cref="Handler"/>,
    /// placed in the client's pipeline right after the marshaller and before the signer, appends them to the form body.
    /// (SDK v4 marshallers write the body themselves, so adding to the parameters in a BeforeRequest event is too late.)
    /// </summary>
    internal static class ExtraQueryParameters
    {
        private const string StateKey = "Euca.Images.ExtraQueryParameters";

        public static void Add(AmazonWebServiceRequest request, string name, string value)
        {
            var state = ((IAmazonWebServiceRequest)request).RequestState;
            if (!state.TryGetValue(StateKey, out object? existing) || !(existing is List<KeyValuePair<string, string>> list))
            {
                list = new List<KeyValuePair<string, string>>();
                state[StateKey] = list;
            }

            list.Add(new KeyValuePair<string, string>(name, value));
        }

        /// <summary>The pipeline handler; harmless for requests without extra parameters.</summary>
        internal sealed class Handler : PipelineHandler
        {
            public override void InvokeSync(IExecutionContext executionContext)
            {
                Apply(executionContext);
                base.InvokeSync(executionContext);
            }

            public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
            {
                Apply(executionContext);
                return base.InvokeAsync<T>(executionContext);
            }

            private static void Apply(IExecutionContext executionContext)
            {
                IRequestContext context = executionContext.RequestContext;
                if (!(context.OriginalRequest is IAmazonWebServiceRequest original)
                    || !original.RequestState.TryGetValue(StateKey, out object? value)
                    || !(value is List<KeyValuePair<string, string>> extra)
                    || extra.Count == 0)
                {
                    return;
                }

                IRequest request = context.Request;
                byte[] appended = Encoding.UTF8.GetBytes(string.Concat(extra.Select(p => "&" + Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
                if (request.ContentStream != null)
                {
                    // Query-protocol bodies are small form documents in a memory stream.
                    using (var body = new MemoryStream())
                    {
                        request.ContentStream.CopyTo(body);
                        body.Write(appended, 0, appended.Length);
                        request.ContentStream = new MemoryStream(body.ToArray(), writable: false);
                    }
                }
                else if (request.Content != null)
                {
                    request.Content = request.Content.Concat(appended).ToArray();
                }
                else
                {
                    foreach (var pair in extra)
                    {
                        request.ParameterCollection[pair.Key] = new StringParameterValue(pair.Value);
                    }

                    return;
                }

                long length = request.ContentStream?.Length ?? request.Content!.Length;
                if (request.Headers.ContainsKey("Content-Length"))
                {
                    request.Headers["Content-Length"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
    }
}
