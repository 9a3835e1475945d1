using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Tests.Cloud
{
    /// <summary>A tiny HTTP server on 127.0.0.1 answering each request with whatever the test's handler returns.</summary>
    internal sealed class LoopbackServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly Func<RecordedRequest, Response> _handler;
        private readonly Task _loop;

        public LoopbackServer(Func<RecordedRequest, Response> handler)
        {
            _handler = handler;
            var port = FreePort();
            Url = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public Uri Url { get; }

        public ConcurrentQueue<RecordedRequest> Requests { get; } = new ConcurrentQueue<RecordedRequest>();

        public static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        public void Dispose()
        {
            _listener.Close();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, reader.ReadToEnd(), context.Request.Headers["Authorization"]);
                Requests.Enqueue(recorded);
                var response = _handler(recorded);
                if (response.Delay > TimeSpan.Zero)
                {
                    Thread.Sleep(response.Delay);
                }

                try
                {
                    var bytes = Encoding.UTF8.GetBytes(response.Body);
                    context.Response.StatusCode = response.Status;
                    context.Response.ContentType = response.ContentType;
                    context.Response.ContentLength64 = bytes.Length;
                    context.Response.OutputStream.Write(bytes, 0, bytes.Length);
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException || e is IOException || e is ObjectDisposedException)
                {
                    // The client gave up (timeout tests).
                }
            }
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
            public Response(int status, string body, string contentType = "text/xml", TimeSpan delay = default)
            {
                Status = status;
                Body = body;
                ContentType = contentType;
                Delay = delay;
            }

            public int Status { get; }

            public string Body { get; }

            public string ContentType { get; }

            public TimeSpan Delay { get; }
        }
    }
}
