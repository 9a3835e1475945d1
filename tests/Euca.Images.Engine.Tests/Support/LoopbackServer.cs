using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;


namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>A tiny HTTP server on 127.0.0.1 answering each request with whatever the test's handler returns.</summary>
    internal sealed class LoopbackServer : LoopbackHttpServer
    {
        private readonly Func<RecordedRequest, Response> _handler;

        public LoopbackServer(Func<RecordedRequest, Response> handler)
        {
            _handler = handler;
        }

        public ConcurrentQueue<RecordedRequest> Requests { get; } = new ConcurrentQueue<RecordedRequest>();

        protected override void Serve(HttpListenerContext context)
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, reader.ReadToEnd(), context.Request.Headers["Authorization"]);
            Requests.Enqueue(recorded);
            var response = _handler(recorded);
            if (response.Delay > TimeSpan.Zero)
            {
                Thread.Sleep(response.Delay);
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            if (response.Location != null)
            {
                context.Response.RedirectLocation = response.Location;
            }
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes, 0, bytes.Length);
            context.Response.Close();
        }

        internal sealed class RecordedRequest
        {
            public RecordedRequest(string method, string path, string body, string? authorization)
            {
                Method = method;
                Path = path;
                Body = body;
                Authorization = authorization;
            }

            public string Method { get; }

            public string Path { get; }

            public string Body { get; }

            public string? Authorization { get; }
        }

        internal sealed class Response
        {
            public Response(int status, string body, string contentType = "text/xml", TimeSpan delay = default, string? location = null)
            {
                Status = status;
                Body = body;
                ContentType = contentType;
                Delay = delay;
                Location = location;
            }

            /// <summary>The Location header of a redirect.</summary>
            public string? Location { get; }

            public int Status { get; }

            public string Body { get; }

            public string ContentType { get; }

            public TimeSpan Delay { get; }
        }
    }
}
